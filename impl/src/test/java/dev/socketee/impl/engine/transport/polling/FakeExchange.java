package dev.socketee.impl.engine.transport.polling;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request/response pair as the polling transport sees it, without a container: the
 * request's body is fed by the test, the response is recorded, and the test fires the async
 * listeners' timeout or error as a container would.
 */
final class FakeExchange {

    private final byte[] body;
    private final long contentLength;
    private final Async async = new Async();
    private final Input input = new Input();
    private final Output output = new Output();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private int status = 200;
    private boolean completed;

    private FakeExchange(byte[] body, long contentLength) {
        this.body = body;
        this.contentLength = contentLength;
    }

    static FakeExchange get() {
        return new FakeExchange(new byte[0], -1);
    }

    /** A POST whose body the test delivers with {@link #deliverBody()} (or never: a stalled one). */
    static FakeExchange post(String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return new FakeExchange(b, b.length);
    }

    /** A POST without a Content-Length (chunked). */
    static FakeExchange chunkedPost(String body) {
        return new FakeExchange(body.getBytes(StandardCharsets.UTF_8), -1);
    }

    HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "startAsync" -> async;
                    case "getInputStream" -> input;
                    case "getContentLengthLong" -> contentLength;
                    case "getContentLength" -> (int) contentLength;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setStatus" -> status = (Integer) args[0];
                        case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                        case "setContentLength" -> headers.put("Content-Length", String.valueOf(args[0]));
                        case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "getOutputStream" -> {
                            return output;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
    }

    /** The whole body arrives. */
    void deliverBody() throws IOException {
        input.arrived = body.length;
        input.listener.onDataAvailable();
        input.listener.onAllDataRead();
    }

    /** The next {@code n} bytes of the body arrive (not its end). */
    void deliverPart(int n) throws IOException {
        input.arrived = Math.min(body.length, input.arrived + n);
        input.listener.onDataAvailable();
    }

    /** Whether the status and body are written, completed or not. */
    String written() {
        return status + " " + output.bytes.toString(StandardCharsets.UTF_8);
    }

    /** The container's async timeout fires. */
    void timeOut() throws IOException {
        for (AsyncListener l : new ArrayList<>(async.listeners)) {
            l.onTimeout(new AsyncEvent(async));
        }
    }

    /** The connection fails (the client went away). */
    void fail() throws IOException {
        for (AsyncListener l : new ArrayList<>(async.listeners)) {
            l.onError(new AsyncEvent(async, new IOException("connection reset")));
        }
    }

    boolean completed() {
        return completed;
    }

    boolean readListenerSet() {
        return input.listener != null;
    }

    long timeoutMillis() {
        return async.timeout;
    }

    /** "status body" once completed, else "pending". */
    String answer() {
        return completed ? status + " " + output.bytes.toString(StandardCharsets.UTF_8) : "pending";
    }

    String header(String name) {
        return headers.get(name);
    }

    private final class Async implements AsyncContext {
        final List<AsyncListener> listeners = new ArrayList<>();
        long timeout = 30_000;

        @Override
        public ServletRequest getRequest() {
            return request();
        }

        @Override
        public ServletResponse getResponse() {
            return response();
        }

        @Override
        public boolean hasOriginalRequestAndResponse() {
            return true;
        }

        @Override
        public void dispatch() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void dispatch(String path) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void dispatch(ServletContext context, String path) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void complete() {
            if (completed) {
                throw new IllegalStateException("completed twice");
            }
            completed = true;
        }

        @Override
        public void start(Runnable run) {
            run.run();
        }

        @Override
        public void addListener(AsyncListener listener) {
            listeners.add(listener);
        }

        @Override
        public void addListener(AsyncListener listener, ServletRequest request, ServletResponse response) {
            listeners.add(listener);
        }

        @Override
        public <T extends AsyncListener> T createListener(Class<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setTimeout(long timeout) {
            this.timeout = timeout;
        }

        @Override
        public long getTimeout() {
            return timeout;
        }
    }

    private final class Input extends ServletInputStream {
        ReadListener listener;
        int arrived;
        int pos;

        @Override
        public boolean isFinished() {
            return pos == body.length;
        }

        @Override
        public boolean isReady() {
            return pos < arrived;
        }

        @Override
        public void setReadListener(ReadListener readListener) {
            this.listener = readListener;
        }

        @Override
        public int read() {
            return pos < arrived ? body[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == body.length) {
                return -1;
            }
            int n = Math.min(len, arrived - pos);
            System.arraycopy(body, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    /** Always ready: the write listener runs at once, as when the socket takes the bytes. */
    private final class Output extends ServletOutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener writeListener) {
            try {
                writeListener.onWritePossible();
            } catch (IOException e) {
                writeListener.onError(e);
            }
        }

        @Override
        public void write(int b) {
            bytes.write(b);
        }
    }
}
