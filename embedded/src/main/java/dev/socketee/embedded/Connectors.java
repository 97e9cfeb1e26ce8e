package dev.socketee.embedded;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** The runner's HTTP and HTTPS connectors, both on {@code --host}. */
final class Connectors {

    private Connectors() {
    }

    static ServerConnector http(Server server, Options o) {
        ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(httpConfiguration()));
        return bind(c, o.host(), o.port());
    }

    static ServerConnector https(Server server, Options o, ServerCertificate cert) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(cert.keyStore());
        tls.setKeyStorePassword(cert.password());
        tls.setKeyManagerPassword(cert.password());
        tls.setCertAlias(cert.alias());
        HttpConfiguration config = httpConfiguration();
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // a development server reached by whatever name or address resolves to it: the client
        // verifies the certificate against the name it used, Jetty need not refuse mismatches too
        secure.setSniHostCheck(false);
        config.addCustomizer(secure);
        ServerConnector c = new ServerConnector(server,
                new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(config));
        return bind(c, o.host(), o.httpsPort());
    }

    private static HttpConfiguration httpConfiguration() {
        HttpConfiguration config = new HttpConfiguration();
        // Jetty's per-connection header field cache (default 1024) is two ~49 KB char[] tries on
        // every keep-alive HTTP connection, i.e. ~100 KB for each idle long-polling client against
        // ~8 KB for all the rest; it only saves re-allocating repeated header values
        config.setHeaderCacheSize(0);
        return config;
    }

    private static ServerConnector bind(ServerConnector c, String host, int port) {
        c.setHost(host);
        c.setPort(port);
        c.setAcceptQueueSize(1024); // bursts of connecting clients (the default backlog is 50)
        return c;
    }
}
