package dev.socketee.embedded.testapp;

import dev.socketee.SocketIo;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Answers with what its injected beans give: a live {@code SocketIo} and this request's stamp. */
@WebServlet("/inject/servlet")
public class InjectedServlet extends HttpServlet {

    @Inject
    SocketIo io;

    @Inject
    RequestStamp stamp;

    @Inject
    StartupRecord startup;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        stamp.visitedBy("servlet");
        int servers;
        try {
            servers = io.serverCount("/").toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException(e);
        }
        res.setContentType("text/plain");
        res.getWriter().print("servers=" + servers + "\nstamp=" + stamp.id() + "\nvisitors=" + stamp.visitors()
                + "\n" + startup.seen() + "\n");
    }
}
