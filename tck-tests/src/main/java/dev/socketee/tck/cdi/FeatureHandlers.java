package dev.socketee.tck.cdi;

import dev.socketee.ConnectionRefusedException;
import dev.socketee.OnSocketEvent;
import dev.socketee.Socket;
import dev.socketee.SocketEvent;
import dev.socketee.SocketIo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The CDI feature app on namespace "/": one handler per feature of the programming model, each
 * answering through an ack or an emit so that real clients can check it. See CdiServer.
 */
@ApplicationScoped
public class FeatureHandlers {

    @Inject
    SocketIo io;
    @Inject
    RequestCounter requestCounter;
    @Inject
    EventLog log;
    @Inject
    Pusher pusher;

    void connect(@Observes @OnSocketEvent(OnSocketEvent.CONNECT) SocketEvent e) {
        Map<?, ?> auth = e.auth(Map.class);
        if (auth != null && "bad".equals(auth.get("token"))) {
            throw new ConnectionRefusedException("refused", Map.of("reason", "bad token"));
        }
        Object user = auth == null ? null : auth.get("user");
        e.socket().session().put("user", user == null ? "anonymous" : user);
        e.socket().emit("welcome", Map.of("id", e.socket().id(), "user", e.socket().session().get("user")));
    }

    void disconnecting(@Observes @OnSocketEvent(OnSocketEvent.DISCONNECTING) SocketEvent e) {
        log.add("disconnecting " + e.socket().id() + " " + e.reason() + " rooms=" + new TreeSet<>(e.socket().rooms()));
    }

    void disconnect(@Observes @OnSocketEvent(OnSocketEvent.DISCONNECT) SocketEvent e) {
        log.add("disconnect " + e.socket().id() + " " + e.reason());
        log.disconnectContext(e.socket().id(), e.reason() + ": " + threadContext());
    }

    /**
     * What user code sees of its thread, e.g. "request=true java:comp=ok timerThread=false":
     * whether the CDI request context is active, whether java:comp/BeanManager resolves (the
     * application's naming context; the exception's class name when it does not), and whether
     * it runs on a timer thread (it must not).
     */
    private String threadContext() {
        String request;
        try {
            requestCounter.increment();
            request = "true";
        } catch (jakarta.enterprise.context.ContextNotActiveException none) {
            request = "false";
        }
        String naming;
        try {
            naming = new javax.naming.InitialContext().lookup("java:comp/BeanManager") != null ? "ok" : "null";
        } catch (javax.naming.NamingException | RuntimeException failed) {
            naming = failed.getClass().getSimpleName();
        }
        boolean timerThread = Thread.currentThread().getName().contains("timer");
        return "request=" + request + " java:comp=" + naming + " timerThread=" + timerThread;
    }

    void threadContextOfAnEvent(@Observes @OnSocketEvent("thread-context") SocketEvent e) {
        e.ack(threadContext());
    }

    void disconnectContext(@Observes @OnSocketEvent("disconnect-context") SocketEvent e) {
        e.ack(log.disconnectContextOf(e.data(String.class)));
    }

    void echo(@Observes @OnSocketEvent("echo") SocketEvent e) {
        e.ack(e.args().toArray());
    }

    void typed(@Observes @OnSocketEvent("typed") SocketEvent e) {
        Message m = e.data(Message.class);
        int count = e.socket().session().merge("typed", 1, (a, b) -> (Integer) a + (Integer) b) instanceof Integer i ? i : 0;
        e.ack(new Reply(m.text().toUpperCase(), m.n() * 2, count));
    }

    void typedList(@Observes @OnSocketEvent("typed-list") SocketEvent e) {
        List<Message> list = e.arg(0, new ArrayList<Message>() { }.getClass().getGenericSuperclass());
        e.ack(list.size(), list.get(list.size() - 1).text());
    }

    void message(@Observes @OnSocketEvent(OnSocketEvent.MESSAGE) SocketEvent e) {
        e.socket().send("echo: " + e.data(String.class));
    }

    void session(@Observes @OnSocketEvent("session") SocketEvent e) {
        e.ack(e.socket().session().get("user"));
    }

    void join(@Observes @OnSocketEvent("join") SocketEvent e) {
        e.socket().join(e.data(String.class));
        e.ack(new ArrayList<>(new TreeSet<>(e.socket().rooms())));
    }

    void leave(@Observes @OnSocketEvent("leave") SocketEvent e) {
        e.socket().leave(e.data(String.class));
        e.ack(new ArrayList<>(new TreeSet<>(e.socket().rooms())));
    }

    void toRoom(@Observes @OnSocketEvent("to-room") SocketEvent e) {
        e.socket().to(e.arg(0, String.class)).emit("room-message", e.arg(1, String.class));
        e.ack();
    }

    void toRooms(@Observes @OnSocketEvent("to-rooms") SocketEvent e) {
        List<?> rooms = e.arg(0, List.class);
        dev.socketee.Emitter target = io.of("/");
        for (Object r : rooms) {
            target = target.to((String) r);
        }
        target.emit("rooms-message", e.arg(1, String.class));
        e.ack();
    }

    void exceptRoom(@Observes @OnSocketEvent("except-room") SocketEvent e) {
        io.of("/").except(e.arg(0, String.class)).emit("except-message", e.arg(1, String.class));
        e.ack();
    }

    void broadcast(@Observes @OnSocketEvent("broadcast") SocketEvent e) {
        e.socket().broadcast().emit("broadcast-message", e.data(String.class));
        e.ack();
    }

    void broadcastAll(@Observes @OnSocketEvent("broadcast-all") SocketEvent e) {
        io.emit("all-message", e.data(String.class));
        e.ack();
    }

    void broadcastRecord(@Observes @OnSocketEvent("broadcast-record") SocketEvent e) {
        io.to(e.socket().id()).emit("record-message", new Reply("rec", 7, 1)); // a broadcast, written with JSON-B
        e.ack();
    }

    void toOtherNamespace(@Observes @OnSocketEvent("to-other") SocketEvent e) {
        io.of("/other").emit("from-root", e.data(String.class));
        e.ack();
    }

    void toSocket(@Observes @OnSocketEvent("to-socket") SocketEvent e) {
        boolean found = io.socket("/", e.arg(0, String.class)).map(s -> {
            s.emit("direct-message", e.arg(1, String.class));
            return true;
        }).orElse(false);
        e.ack(found);
    }

    void closeRoom(@Observes @OnSocketEvent("close-room") SocketEvent e) {
        io.closeRoom("/", e.data(String.class));
        e.ack();
    }

    void socketsIn(@Observes @OnSocketEvent("sockets-in") SocketEvent e) {
        e.ack(new ArrayList<>(new TreeSet<>(io.socketIds("/", e.data(String.class)))));
    }

    void askClient(@Observes @OnSocketEvent("ask-client") SocketEvent e) {
        Socket s = e.socket();
        long timeoutMs = e.arg(1, Long.class);
        s.emitWithAck("question", Duration.ofMillis(timeoutMs), e.arg(0, String.class)).whenComplete((reply, error) -> {
            if (error != null) {
                s.emit("answer-timeout", error.getClass().getSimpleName());
            } else {
                s.emit("answer", reply.arg(0, String.class), reply.size());
            }
        });
    }

    void fail(@Observes @OnSocketEvent("fail") SocketEvent e) {
        throw new IllegalStateException("boom: " + e.data(String.class));
    }

    void onError(@Observes @OnSocketEvent(OnSocketEvent.ERROR) SocketEvent e) {
        e.socket().emit("error-caught", e.name(), e.error().getMessage());
    }

    void requestScope(@Observes @OnSocketEvent("request-scope") SocketEvent e) {
        requestCounter.increment();
        e.ack(requestCounter.increment()); // 2 on every event: a fresh bean per event
    }

    void slow(@ObservesAsync @OnSocketEvent("slow") SocketEvent e) throws InterruptedException {
        Thread.sleep(100);
        e.ack("done after", 100, Thread.currentThread().getName().startsWith("socketee-async") || !Thread.currentThread().getName().contains("qtp"));
    }

    /** 20 ms of async work per event, acked with its argument: a flood of these must not starve other clients. */
    void work(@ObservesAsync @OnSocketEvent("work") SocketEvent e) throws InterruptedException {
        Thread.sleep(20);
        e.ack(e.data(Integer.class));
    }

    void whoami(@Observes @OnSocketEvent("whoami") SocketEvent e) {
        var h = e.socket().handshake();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("header", h.header("X-Test"));
        info.put("query", h.query().getOrDefault("q", List.of()).stream().findFirst().orElse(null));
        info.put("cookie", h.cookies().get("c"));
        info.put("address", h.address() != null);
        info.put("principal", h.principal().map(java.security.Principal::getName).orElse(null));
        info.put("sessionUser", h.httpSession().map(s -> s.getAttribute("user")).orElse(null));
        info.put("time", h.time().toEpochMilli() > 0);
        info.put("namespace", e.socket().namespace());
        e.ack(info);
    }

    void lifecycleLog(@Observes @OnSocketEvent("log") SocketEvent e) {
        e.ack(log.entriesAbout(e.data(String.class)));
    }

    void disconnectMe(@Observes @OnSocketEvent("disconnect-me") SocketEvent e) {
        e.socket().disconnect();
    }

    void push(@Observes @OnSocketEvent("push") SocketEvent e) {
        String room = "push-" + e.socket().id();
        e.socket().join(room);
        pusher.pushTo(room, e.data(Integer.class));
        e.ack();
    }

    void binary(@Observes @OnSocketEvent("binary") SocketEvent e) {
        byte[] data = e.arg(0, byte[].class);
        byte[] reversed = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            reversed[i] = data[data.length - 1 - i];
        }
        e.ack(Map.of("reversed", reversed, "length", data.length));
    }
}
