package org.vmmc.testkit;

import com.google.inject.Module;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.vmmc.userlib.Multicomputer;

/**
 * A JUnit 5 extension that hands a test a simulated multicomputer: a test method or constructor
 * parameter of type {@link Multicomputer} gets a machine built as {@link VmmcTest} on the
 * method, else on the class or an enclosing class, says (a test without a design named there
 * fails saying so, since the builder has no default design), and the machine is closed once
 * the test is done; a parameter of type {@link Multicomputer.Builder} gets the builder so
 * configured, to adjust and build, and the test closes what it builds.
 *
 * <pre>{@code
 * @ExtendWith(SimulatedMulticomputer.class)
 * class MyProgramTest {
 *   @Test
 *   @VmmcTest(design = MyDesignModule.class, mesh = "2x1", seed = 42)
 *   void runs(Multicomputer mc) {
 *     mc.node(0).spawn("receiver", p -> ...);
 *     assertThat(mc.run()).finishedCleanly();
 *   }
 * }
 * }</pre>
 *
 * Each parameter gets a machine of its own; one made for a test class's constructor is closed
 * after the test the instance was made for.
 */
public final class SimulatedMulticomputer implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SimulatedMulticomputer.class);
  private static final Pattern MESH = Pattern.compile("(\\d{1,4})x(\\d{1,4})");

  /** Made by JUnit from {@code @ExtendWith} or {@link VmmcTest}. */
  public SimulatedMulticomputer() {}

  /**
   * A machine for a test class's constructor belongs to the test method the instance is made
   * for, so it is closed after that test too.
   */
  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(
      ExtensionContext rootContext) {
    return ExtensionContextScope.TEST_METHOD;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Multicomputer.class || type == Multicomputer.Builder.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Optional<VmmcTest> configuration = configuration(parameter, context);
    Multicomputer.Builder builder = builder(configuration, parameter);
    if (parameter.getParameter().getType() == Multicomputer.Builder.class) {
      return builder;
    }
    Multicomputer mc;
    try {
      mc = builder.build();
    } catch (IllegalStateException e) {
      if (configuration.map(c -> c.design() != Module.class).orElse(false)) {
        throw e;
      }
      throw new ParameterResolutionException(parameter.getDeclaringExecutable() + " takes a"
          + " Multicomputer, but no @VmmcTest on it or its class names a design: add @VmmcTest("
          + "design = ...Module.class), or take a Multicomputer.Builder and set one; "
          + e.getMessage(), e);
    }
    // The store closes what it holds (an AutoCloseable) when the test's context ends.
    context.getStore(NAMESPACE).put(new Object(), mc);
    return mc;
  }

  /** The annotation on the method, else on the test class or the nearest enclosing class. */
  private static Optional<VmmcTest> configuration(ParameterContext parameter,
      ExtensionContext context) {
    if (parameter.getDeclaringExecutable() instanceof Method method) {
      Optional<VmmcTest> onMethod = AnnotationSupport.findAnnotation(method, VmmcTest.class);
      if (onMethod.isPresent()) {
        return onMethod;
      }
    }
    for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
      Optional<VmmcTest> found = AnnotationSupport.findAnnotation((AnnotatedElement) c,
          VmmcTest.class);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Multicomputer.Builder builder(Optional<VmmcTest> configuration,
      ParameterContext parameter) {
    Multicomputer.Builder builder = Multicomputer.builder();
    if (configuration.isEmpty()) {
      return builder;
    }
    VmmcTest test = configuration.get();
    Matcher mesh = MESH.matcher(test.mesh());
    if (!mesh.matches()) {
      throw new ParameterResolutionException("@VmmcTest(mesh = \"" + test.mesh() + "\") for "
          + parameter.getDeclaringExecutable() + " is not WIDTHxHEIGHT, such as \"2x1\"");
    }
    try {
      builder.mesh(Integer.parseInt(mesh.group(1)), Integer.parseInt(mesh.group(2)))
          .seed(test.seed());
    } catch (IllegalArgumentException e) {
      throw new ParameterResolutionException("@VmmcTest(mesh = \"" + test.mesh() + "\") for "
          + parameter.getDeclaringExecutable() + ": " + e.getMessage(), e);
    }
    if (test.design() != Module.class) {
      builder.design(instantiate(test.design()));
    }
    return builder;
  }

  private static Module instantiate(Class<? extends Module> design) {
    try {
      Constructor<? extends Module> constructor = design.getConstructor();
      return constructor.newInstance();
    } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
      throw new ParameterResolutionException("@VmmcTest(design = " + design.getName()
          + ".class) needs a public no-argument constructor of " + design.getSimpleName()
          + "; for a design with parameters, take a Multicomputer.Builder and set it", e);
    } catch (InvocationTargetException e) {
      throw new ParameterResolutionException("the constructor of " + design.getName()
          + " failed: " + e.getCause(), e.getCause());
    }
  }
}
