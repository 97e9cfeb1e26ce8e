package dev.socketee.examples.dashboard;

import dev.socketee.SocketIo;
import dev.socketee.examples.EventCounter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.ObjectName;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Pushes {@link Figures} to room "dashboard" of /dashboard every second, on the server's
 * {@code ManagedScheduledExecutorService} when it has one (Jakarta Concurrency), else on a
 * daemon thread of its own.
 */
@ApplicationScoped
public class FiguresPublisher {

    static final String MANAGED_SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";
    private static final Logger LOG = Logger.getLogger(FiguresPublisher.class.getName());
    private static final ObjectName OPERATING_SYSTEM = objectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME);

    @Inject
    SocketIo io;
    @Inject
    EventCounter counter;

    private final Set<String> clients = ConcurrentHashMap.newKeySet();
    private final ServerMeters serverMeters = new ServerMeters(); // only the publishing task uses it
    private ScheduledExecutorService ownScheduler;
    private ScheduledFuture<?> task;

    synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object init) {
        if (task != null) {
            return; // some servers fire the event twice (e.g. two CDI initializers for one web application)
        }
        ScheduledExecutorService scheduler = managedScheduler();
        if (scheduler != null) {
            LOG.info("dashboard figures run on " + MANAGED_SCHEDULER);
        } else {
            ownScheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "dashboard-figures");
                t.setDaemon(true);
                return t;
            });
            scheduler = ownScheduler;
            LOG.info("no " + MANAGED_SCHEDULER + ": dashboard figures run on a thread of their own");
        }
        task = scheduler.scheduleAtFixedRate(this::publish, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
        }
        if (ownScheduler != null) {
            ownScheduler.shutdownNow();
        }
    }

    public void clientConnected(String id) {
        clients.add(id);
    }

    public void clientDisconnected(String id) {
        clients.remove(id);
    }

    private void publish() {
        try {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            double heapMb = memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
            Figures figures = new Figures(System.currentTimeMillis(), Math.round(heapMb * 10) / 10.0, cpuLoad(),
                    clients.size(), counter.sampleAndReset(), serverMeters.sample(io.meters()));
            io.of(DashboardHandlers.NAMESPACE).to(DashboardHandlers.ROOM).emit("figures", figures); // JSON-B
        } catch (RuntimeException | LinkageError ex) {
            // an exception would cancel the periodic task, silently (the future keeps it)
            LOG.log(Level.WARNING, "dashboard figures not sent", ex);
        }
    }

    /**
     * The process CPU load, read as the platform MBean attribute rather than through
     * com.sun.management.OperatingSystemMXBean: WildFly's module class loaders do not show a
     * deployment that JDK package (NoClassDefFoundError), java.management they do.
     */
    private static double cpuLoad() {
        try {
            Object load = ManagementFactory.getPlatformMBeanServer().getAttribute(OPERATING_SYSTEM, "ProcessCpuLoad");
            if (load instanceof Double d && d >= 0 && !d.isNaN()) {
                return Math.round(d * 1000) / 1000.0;
            }
        } catch (JMException | RuntimeException ex) {
            // not offered by this JVM
        }
        return -1;
    }

    /** The server's managed scheduler (a ManagedScheduledExecutorService is a ScheduledExecutorService), or null. */
    private static ScheduledExecutorService managedScheduler() {
        try {
            Object found = new InitialContext().lookup(MANAGED_SCHEDULER);
            return found instanceof ScheduledExecutorService s ? s : null;
        } catch (NamingException | RuntimeException | LinkageError ex) {
            return null;
        }
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (JMException ex) {
            throw new IllegalArgumentException(name, ex);
        }
    }
}
