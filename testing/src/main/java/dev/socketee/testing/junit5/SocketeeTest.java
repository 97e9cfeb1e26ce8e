package dev.socketee.testing.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against the application's Socket.IO handlers in this JVM: before the
 * first test a CDI container (Weld SE) starts with the application's beans and Socketee's
 * runtime on top, with no HTTP server (clients connect in memory); after the last test both
 * stop. Test methods (and constructors, lifecycle methods) may take parameters of type
 * {@code SocketTestClient} (a fresh connection, no namespace connected yet, closed after the
 * test), {@code SocketTestClient.Builder} (for a handshake of the test's own), {@code SocketIo}
 * and {@code BeanManager}; {@code @Inject} fields of the test instance are injected.
 *
 * <p>The beans: {@link #beans()} when given (exactly those classes), else the packages of
 * {@link #packages()} (recursively), else the test class's package (recursively) together with
 * the bean archives of the class path (directories and jars with {@code META-INF/beans.xml}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SocketeeTestExtension.class)
public @interface SocketeeTest {

    /** The bean classes of the application under test (handlers and what they inject); nothing else is discovered. */
    Class<?>[] beans() default {};

    /** Classes whose packages (and subpackages) hold the application's beans. */
    Class<?>[] packages() default {};

    /** Socketee settings as {@code key=value}, e.g. {@code "socketee.connect-timeout=1000"} (README, "Configuration"). */
    String[] config() default {};

    /** How long clients wait for CONNECT answers, acks and awaited events, in milliseconds. */
    long timeoutMillis() default 5000;
}
