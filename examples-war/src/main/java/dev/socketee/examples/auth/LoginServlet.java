package dev.socketee.examples.auth;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * A deliberately simple login that works on any server: any user name with the password
 * "secret" is stored in the HTTP session as attribute "user".
 */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String USER = "user";
    static final String PASSWORD = "secret";

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String username = req.getParameter("username");
        String password = req.getParameter("password");
        if (username == null || username.isBlank() || !PASSWORD.equals(password)) {
            resp.sendRedirect(authPage(req, "login=failed"));
            return;
        }
        HttpSession session = req.getSession(true);
        req.changeSessionId(); // no session fixation
        session.setAttribute(USER, username.strip());
        resp.sendRedirect(authPage(req, null));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.sendRedirect(authPage(req, null));
    }

    /** /auth.html, keeping {@code ?transport=polling} (the only value passed on) and adding {@code query}. */
    static String authPage(HttpServletRequest req, String query) {
        StringBuilder url = new StringBuilder(req.getContextPath()).append("/auth.html");
        char sep = '?';
        if ("polling".equals(req.getParameter("transport"))) {
            url.append(sep).append("transport=polling");
            sep = '&';
        }
        if (query != null) {
            url.append(sep).append(query);
        }
        return url.toString();
    }
}
