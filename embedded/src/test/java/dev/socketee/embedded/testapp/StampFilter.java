package dev.socketee.embedded.testapp;

import dev.socketee.SocketIo;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A filter with injected fields: stamps the request's request-scoped bean and says so in a header. */
@WebFilter("/inject/*")
public class StampFilter extends HttpFilter {

    @Inject
    SocketIo io;

    @Inject
    RequestStamp stamp;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        res.setHeader("X-Filter-Injected", "io " + (io != null) + ", stamp " + (stamp != null));
        if (stamp != null) {
            stamp.visitedBy("filter");
        }
        chain.doFilter((ServletRequest) req, (ServletResponse) res);
    }
}
