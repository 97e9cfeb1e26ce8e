package dev.socketee.examples.auth;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * Gives the login cookie (JSESSIONID) {@code HttpOnly; SameSite=Lax} in code too, as web.xml
 * does: WildFly 39 ignores web.xml's cookie {@code <attribute>} (WFLY-19551), but honours
 * {@link SessionCookieConfig#setAttribute}. Payara ignores both: see glassfish-web.xml.
 */
@WebListener
public class LoginCookieHardening implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
    }
}
