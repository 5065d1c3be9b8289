package org.vmmc.testkit;

import com.google.inject.Module;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Configures the simulated multicomputer that {@link SimulatedMulticomputer} hands to a test:
 * on a test class it holds for every test in it (and its nested classes), on a test method for
 * that method only.
 *
 * <pre>{@code
 * @VmmcTest(design = Shrimp1Module.class, mesh = "2x1", seed = 7)
 * class PingTest {
 *   @Test
 *   void aWordArrives(Multicomputer mc) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(SimulatedMulticomputer.class)
public @interface VmmcTest {

  /**
   * The design's Guice module, made with its public no-argument constructor. {@code
   * Module.class}, the default, names none, and the builder has no default design: a test that
   * takes a {@code Multicomputer} then fails saying so, one that takes a {@code
   * Multicomputer.Builder} sets the design itself (as it does for a design with other
   * parameters).
   */
  Class<? extends Module> design() default Module.class;

  /** The mesh as {@code WIDTHxHEIGHT} nodes, such as {@code "4x4"}; default {@code "2x2"}. */
  String mesh() default "2x2";

  /** The root seed of the simulation; default 0. */
  long seed() default 0;
}
