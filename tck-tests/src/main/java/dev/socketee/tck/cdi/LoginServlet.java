package dev.socketee.tck.cdi;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /login?user=NAME}: puts the user in a new HTTP session (the cookie comes back). */
public class LoginServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String user = req.getParameter("user");
        req.getSession(true).setAttribute("user", user);
        resp.setContentType("text/plain");
        resp.getWriter().write("logged in " + user);
    }
}
