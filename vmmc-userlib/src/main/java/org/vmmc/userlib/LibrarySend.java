package org.vmmc.userlib;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.google.inject.BindingAnnotation;
import com.google.inject.Key;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.vmmc.core.nic.UserAccessPath;

/**
 * Marks the access path the user library's sends go through: by default the design's own
 * {@link UserAccessPath} (bound in {@link LibraryModule}); an {@link Ablation} may put a
 * decorator in its place, so no flag is checked on the send path.
 */
@BindingAnnotation
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD})
@interface LibrarySend {
  /** The key of the library's send path. */
  Key<UserAccessPath> KEY = Key.get(UserAccessPath.class, LibrarySend.class);
}
