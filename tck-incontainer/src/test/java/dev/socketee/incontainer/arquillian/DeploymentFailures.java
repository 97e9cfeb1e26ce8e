package dev.socketee.incontainer.arquillian;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.context.annotation.DeploymentScoped;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;

/**
 * Keeps what each failed deployment threw, before Arquillian's {@code @ShouldThrowException}
 * check swallows it (this observer runs inside that one), so a test can read the message the
 * server gave: every adapter wraps it differently, so tests look at the whole cause chain, plus
 * what the server wrote meanwhile where the adapter passes on only the first line of the message
 * (Open Liberty's: its {@code messages.log}, {@code -Dsocketee.server.log}; Payara Micro's: the
 * process output the adapter copies to {@code System.out}).
 */
public final class DeploymentFailures {

    private static final Map<String, Throwable> FAILURES = new ConcurrentHashMap<>();
    private static final Map<String, String> OUTPUT = new ConcurrentHashMap<>();

    @Inject
    @DeploymentScoped
    private InstanceProducer<ProtocolMetaData> metaData;

    /** Lower precedence than Arquillian's DeploymentExceptionHandler (0): called inside it, so before it swallows the failure. */
    public void record(@Observes(precedence = -100) EventContext<DeployDeployment> context) throws Exception {
        String name = context.getEvent().getDeployment().getDescription().getName();
        FAILURES.remove(name);
        ServerOutput output = ServerOutput.start();
        try {
            context.proceed();
            if (PayaraMicroFixes.active()) {
                PayaraMicroFixes.checkDeployed(name, output.text());
                ProtocolMetaData md = metaData.get();
                if (md != null) {
                    metaData.set(PayaraMicroFixes.onLoopback(md));
                }
            }
        } catch (Exception | Error e) { // an adapter's checked DeploymentException too (Arquillian rethrows it unchecked)
            FAILURES.put(name, e);
            OUTPUT.put(name, output.text());
            throw e;
        } finally {
            output.stop();
        }
    }

    /** Every message of the cause chain (and suppressed exceptions) of the deployment's failure, or null. */
    public static String text(String deployment) {
        Throwable t = FAILURES.get(deployment);
        if (t == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        append(sb, t, 0);
        String output = OUTPUT.getOrDefault(deployment, "");
        if (!output.isEmpty()) {
            sb.append("--- the server's output meanwhile:\n").append(output);
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, Throwable t, int depth) {
        for (Throwable c = t; c != null && depth < 50; c = c.getCause() == c ? null : c.getCause(), depth++) {
            sb.append(c.getClass().getName()).append(": ").append(c.getMessage()).append('\n');
            for (Throwable s : c.getSuppressed()) {
                append(sb, s, depth + 1);
            }
        }
    }
}
