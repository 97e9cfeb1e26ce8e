package dev.socketee.embedded;

import org.eclipse.jetty.ee10.servlet.DecoratingListener;
import org.eclipse.jetty.ee10.webapp.WebAppContext;

/**
 * CDI injection into the WAR's servlets, filters and listeners, as an EE server gives it.
 *
 * <p>Weld's servlet integration injects into them on Jetty only when Jetty announces a CDI mode in
 * the context attribute {@code org.eclipse.jetty.cdi} (otherwise Weld logs that it will not inject
 * into servlets and {@code @Inject} fields stay null). In the "decorating listener" mode Weld
 * publishes its injector as the attribute {@code org.eclipse.jetty.cdi.decorator}, and Jetty's own
 * {@link DecoratingListener} adds it to the context's object factory, which then injects every
 * servlet, filter and listener Jetty creates. Jetty 12.1 ships no ee10 CDI module (that is where
 * these two lines come from in Jetty 12.0), so the runner wires the two halves itself.
 */
final class CdiInjection {

    /** Read by Weld's {@code JettyContainer} when it boots. */
    static final String MODE_ATTRIBUTE = "org.eclipse.jetty.cdi";
    static final String DECORATING_LISTENER_MODE = "CdiDecoratingListener";
    /** Where Weld puts its decorator in that mode. */
    static final String DECORATOR_ATTRIBUTE = "org.eclipse.jetty.cdi.decorator";

    private CdiInjection() {
    }

    /** Before the context starts: Weld's initializer runs during start and must see the mode. */
    static void enable(WebAppContext app) {
        app.setAttribute(MODE_ATTRIBUTE, DECORATING_LISTENER_MODE);
        app.addEventListener(new DecoratingListener(app, DECORATOR_ATTRIBUTE));
    }
}
