package dev.dragoman.test;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What {@link DragomanTest} runs: starts the gateway of a setup once, keeps it in the root
 * context's store (so JUnit closes it when the run ends, and every class with the same maps and
 * stubs reuses it), resets its WireMock servers before each test and resolves {@link Dragoman}
 * parameters.
 */
final class DragomanExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DragomanExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        // Started here rather than at the first parameter, so a setup that cannot start fails the class once.
        gateway(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        gateway(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Dragoman.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return new Dragoman(gateway(context));
    }

    private static DragomanGateway gateway(ExtensionContext context) {
        DragomanSetup setup = DragomanSetup.of(annotation(context.getRequiredTestClass()));
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(setup, DragomanGateway::start, DragomanGateway.class);
    }

    /** The class's own annotation, else its enclosing class's: a @Nested class runs against its outer class's gateway. */
    private static DragomanTest annotation(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            var found = AnnotationSupport.findAnnotation(c, DragomanTest.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new ExtensionConfigurationException(testClass.getName()
                + " uses DragomanExtension without @DragomanTest, which says which maps to load");
    }
}
