package dev.socketee.tck.support;

import java.util.ArrayList;
import java.util.List;

/**
 * An Open Liberty {@code server.xml} as the tests run it: the features asked for, HTTP on
 * 127.0.0.1 only (no HTTPS), then whatever else the caller needs (applications, monitors).
 */
public final class LibertyServerXml {

    /** The EE 10 web features Socketee needs on Liberty. */
    public static final List<String> SOCKETEE_FEATURES = List.of("servlet-6.0", "websocket-2.1", "cdi-4.0", "jsonb-3.0");

    private LibertyServerXml() {
    }

    /** {@code elements}: further lines inside {@code <server>}, each indented and ending in a newline (or ""). */
    public static String of(String description, List<String> features, int httpPort, String elements) {
        StringBuilder xml = new StringBuilder("<server description=\"").append(description).append("\">\n");
        xml.append("    <featureManager>\n");
        for (String feature : features) {
            xml.append("        <feature>").append(feature).append("</feature>\n");
        }
        xml.append("    </featureManager>\n");
        xml.append("    <httpEndpoint id=\"defaultHttpEndpoint\" host=\"127.0.0.1\" httpPort=\"").append(httpPort)
                .append("\" httpsPort=\"-1\"/>\n");
        return xml.append(elements).append("</server>\n").toString();
    }

    /** {@link #SOCKETEE_FEATURES} and then {@code more}. */
    public static List<String> socketeeFeaturesAnd(String... more) {
        List<String> all = new ArrayList<>(SOCKETEE_FEATURES);
        all.addAll(List.of(more));
        return all;
    }
}
