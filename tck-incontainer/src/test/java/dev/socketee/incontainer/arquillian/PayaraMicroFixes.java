package dev.socketee.incontainer.arquillian;

import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;

/**
 * Two things the Payara Micro managed adapter (3.1) gets wrong here. It reports the URL with the
 * host Payara Micro names (the machine's address) while its listeners are bound to 127.0.0.1 (the
 * preboot commands of {@link ServerSetup}): the URL is rewritten to loopback. And a WAR that fails
 * to deploy is not a failure for it (Payara Micro starts with nothing deployed and the adapter
 * asks only testable deployments for their servlets): the failure is read from Payara Micro's
 * output, which the adapter copies to {@code System.out}.
 */
final class PayaraMicroFixes {

    private static final String LOAD_FAILURE = "Exception while loading the app";

    private PayaraMicroFixes() {
    }

    static boolean active() {
        return "payara".equals(System.getProperty("arquillian.launch"));
    }

    static void checkDeployed(String name, String output) throws DeploymentException {
        if (output.contains(LOAD_FAILURE)) {
            throw new DeploymentException("Payara Micro did not deploy " + name + ":\n" + output);
        }
    }

    static ProtocolMetaData onLoopback(ProtocolMetaData original) {
        ProtocolMetaData fixed = new ProtocolMetaData();
        for (HTTPContext c : original.getContexts(HTTPContext.class)) {
            HTTPContext loopback = new HTTPContext(c.getName(), "127.0.0.1", c.getPort());
            for (Servlet s : c.getServlets()) {
                loopback.add(new Servlet(s.getName(), s.getContextRoot()));
            }
            fixed.addContext(loopback);
        }
        return fixed;
    }
}
