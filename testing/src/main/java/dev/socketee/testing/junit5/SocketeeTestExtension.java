package dev.socketee.testing.junit5;

import dev.socketee.SocketIo;
import dev.socketee.testing.SocketTestClient;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionTarget;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 side of {@link SocketeeTest}: starts the {@link TestApplication} once per test class
 * (kept in the class's store, so JUnit closes it after the class), injects the test instance's
 * {@code @Inject} fields and resolves the kit's parameter types. Clients handed to a method are
 * closed with that method's context.
 */
public final class SocketeeTestExtension implements BeforeAllCallback, TestInstancePostProcessor, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SocketeeTestExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        application(context);
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        BeanManager bm = application(context).beanManager();
        @SuppressWarnings("unchecked")
        Class<Object> type = (Class<Object>) testInstance.getClass();
        InjectionTarget<Object> target = bm.getInjectionTargetFactory(bm.createAnnotatedType(type)).createInjectionTarget(null);
        CreationalContext<Object> cc = bm.createCreationalContext(null);
        target.inject(testInstance, cc);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == SocketTestClient.class || type == SocketTestClient.Builder.class || type == SocketIo.class
                || type == BeanManager.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestApplication app = application(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == SocketTestClient.class) {
            SocketTestClient client = app.clientBuilder().build();
            context.getStore(NAMESPACE).put(client, (ExtensionContext.Store.CloseableResource) client::close);
            return client;
        }
        if (type == SocketTestClient.Builder.class) {
            return app.clientBuilder();
        }
        if (type == SocketIo.class) {
            return app.bean(SocketIo.class);
        }
        return app.beanManager();
    }

    /** The application of the annotated class this context belongs to, started at the first call. */
    private static TestApplication application(ExtensionContext context) {
        ExtensionContext owner = annotatedClassContext(context);
        Class<?> testClass = owner.getRequiredTestClass();
        SocketeeTest settings = AnnotationSupport.findAnnotation(testClass, SocketeeTest.class)
                .orElseThrow(() -> new ExtensionConfigurationException(testClass.getName() + " needs @SocketeeTest"));
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(TestApplication.class,
                k -> TestApplication.start(testClass, settings), TestApplication.class);
    }

    /** The outermost class context carrying the annotation: nested classes share their outer class's application. */
    private static ExtensionContext annotatedClassContext(ExtensionContext context) {
        ExtensionContext found = null;
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            if (c.getTestClass().isPresent() && c.getTestMethod().isEmpty()
                    && AnnotationSupport.isAnnotated(c.getTestClass().get(), SocketeeTest.class)) {
                found = c;
            }
        }
        if (found == null) {
            throw new ExtensionConfigurationException("@SocketeeTest is missing on " + context.getRequiredTestClass().getName());
        }
        return found;
    }
}
