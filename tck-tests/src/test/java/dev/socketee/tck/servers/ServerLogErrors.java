package dev.socketee.tck.servers;

import java.util.ArrayList;
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
 * Not an error either: a container's WARNING about an I/O failure whose stack passes through
 * Socketee. Payara's Tyrus logs "TyrusServletWriter.onError" with the IOException of a write to a
 * peer that is gone: the close frame Socketee sends at the ping timeout of a client that was
 * killed (cdi-killed-client) fails in the kernel, under Socketee's close call. Warnings and I/O
 * only: the same frames under SEVERE, under a Socketee logger, or with any other throwable still count.
 * One more container WARNING is not Socketee's: Payara's "Response Error during finishResponse" with a
 * NullPointerException from Catalina's {@code OutputBuffer.close} ("grizzlyOutputBuffer" is null). Closing a
 * websocket (Socketee's connect timeout, say) makes Tyrus resume the upgrade's HTTP response, and now and then
 * Grizzly has recycled it already; the close itself goes through (seen once in a clean-clone run, 2026-12-03).
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
    private static final Pattern SOCKETEE_FRAME = Pattern.compile("^\\s+at dev\\.socketee\\.");
    private static final Pattern CONTAINER_REQUEST_FAILURE = Pattern.compile("\\[SEVERE\\] \\[AS-WEB-CORE-00037\\]");
    /** Payara's record header: {@code [2026-12-01T16:42:33.019+0000] [] [LEVEL] ... [[}, the record ends with {@code ]]}. */
    private static final Pattern PAYARA_RECORD_START = Pattern.compile("^\\[\\d{4}-\\d{2}-\\d{2}T");
    private static final Pattern CONTINUATION = Pattern.compile("^(\\s|Caused by:|Suppressed:|\\.\\.\\. \\d+ more)");
    private static final Pattern WARNING_LEVEL = Pattern.compile("\\b(WARNING|WARN)\\b");
    private static final Pattern FIRST_THROWABLE = Pattern.compile("^[\\w.$]+(Exception|Error|Throwable)\\b");
    private static final Pattern IO_THROWABLE = Pattern.compile("^[\\w.$]*(IOException|EOFException|ClosedChannelException)\\b");
    private static final Pattern PAYARA_RECYCLED_RESPONSE = Pattern.compile(
            "^java\\.lang\\.NullPointerException: .*\"this\\.grizzlyOutputBuffer\" is null");

    private ServerLogErrors() {
    }

    static List<String> in(List<String> lines) {
        List<String> errors = new ArrayList<>();
        for (List<String> record : records(lines)) {
            boolean ioWarning = isContainerIoWarning(record) || isPayaraRecycledResponseWarning(record);
            for (String line : record) {
                if (ERROR_LINE.matcher(line).find() && !CONTAINER_REQUEST_FAILURE.matcher(line).find()
                        && !(ioWarning && SOCKETEE_FRAME.matcher(line).find())) {
                    errors.add(line);
                }
            }
        }
        return errors;
    }

    /** Log records: a header line and what belongs to it (a Payara record up to its {@code ]]}; stack lines). */
    private static List<List<String>> records(List<String> lines) {
        List<List<String>> records = new ArrayList<>();
        List<String> current = null;
        boolean inPayaraRecord = false;
        for (String raw : lines) {
            String line = ANSI_ESCAPE.matcher(raw).replaceAll("");
            boolean startsRecord = PAYARA_RECORD_START.matcher(line).find()
                    || (!inPayaraRecord && !CONTINUATION.matcher(line).find() && !FIRST_THROWABLE.matcher(line).find());
            if (current == null || startsRecord) {
                current = new ArrayList<>();
                records.add(current);
                inPayaraRecord = PAYARA_RECORD_START.matcher(line).find();
            }
            current.add(line);
            if (inPayaraRecord && line.endsWith("]]")) {
                inPayaraRecord = false;
            }
        }
        return records;
    }

    /** Payara's recycled-response NPE under a websocket close (see the class comment). */
    private static boolean isPayaraRecycledResponseWarning(List<String> record) {
        return record.stream().anyMatch(line -> line.contains("Response Error during finishResponse"))
                && isContainerWarningAbout(record, PAYARA_RECYCLED_RESPONSE);
    }

    private static boolean isContainerIoWarning(List<String> record) {
        return isContainerWarningAbout(record, IO_THROWABLE);
    }

    /** A WARNING not of Socketee's loggers whose first throwable matches {@code throwable}. */
    private static boolean isContainerWarningAbout(List<String> record, Pattern throwable) {
        String header = record.get(0);
        if (!WARNING_LEVEL.matcher(header).find() || header.contains("dev.socketee")) {
            return false;
        }
        return record.stream().filter(line -> FIRST_THROWABLE.matcher(line).find()).findFirst()
                .map(line -> throwable.matcher(line).find()).orElse(false);
    }
}
