package dev.socketee.tck.servers;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The lines of an application server's console log that report an error: an ERROR or SEVERE level,
 * or a Socketee stack frame. Payara Micro colours its levels even into a file
 * ({@code ESC[1;91mSEVERE ESC[0m}): the escapes are dropped first, or "mSEVERE" has no word boundary.
 * Payara's AS-WEB-CORE-00037 ("An exception or error occurred in the container during the request
 * processing") counts by its stack only: Payara logs it with nothing but its own frames for a
 * client that closed its connection mid-request ("Internal ... Response has not been set"); one
 * that went through Socketee still shows a Socketee frame, and that frame is an error line.
 * Not seen either (no level, no Socketee frame): Payara's own stderr NPEs "InputBuffer$ReadHandlerImpl
 * .processCallbacks ... because "context" is null", dozens per suite run on ordinary POSTs. Payara
 * schedules one processCallbacks task per read notification and each calls
 * request.getContext().getLoader() before it checks a flag; when the body's last bytes and its end
 * come as two notifications, the first task runs our onAllDataRead, which completes the request as
 * the Servlet spec intends, and the second finds the request recycled.
 */
final class ServerLogErrors {
    private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final Pattern ERROR_LINE = Pattern.compile("\\b(ERROR|SEVERE)\\b|^\\s+at dev\\.socketee\\.");
    private static final Pattern CONTAINER_REQUEST_FAILURE = Pattern.compile("\\[SEVERE\\] \\[AS-WEB-CORE-00037\\]");

    private ServerLogErrors() {
    }

    static List<String> in(List<String> lines) {
        return lines.stream().map(line -> ANSI_ESCAPE.matcher(line).replaceAll(""))
                .filter(line -> ERROR_LINE.matcher(line).find() && !CONTAINER_REQUEST_FAILURE.matcher(line).find()).toList();
    }
}
