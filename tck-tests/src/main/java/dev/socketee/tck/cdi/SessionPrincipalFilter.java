package dev.socketee.tck.cdi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;

/**
 * Stands in for container security in the tests: a request whose HTTP session has a "user" gets
 * that user as its {@code Principal}, as a login module would set it.
 */
public class SessionPrincipalFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpSession session = req.getSession(false);
        Object user = session == null ? null : session.getAttribute("user");
        if (user == null) {
            chain.doFilter(req, res);
            return;
        }
        Principal principal = user::toString;
        chain.doFilter(new HttpServletRequestWrapper(req) {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }
        }, res);
    }
}
