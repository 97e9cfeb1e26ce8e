package dev.socketee.impl.json;

import java.math.BigInteger;

/**
 * Token-level JSON routines shared by {@link JsonScanner} (validate and skip) and
 * {@link JsonReader} (build values), so the strict RFC 8259 rules for whitespace, strings,
 * escapes, numbers and literals live in exactly one place. Every method works on a slice
 * {@code [pos, end)} of a larger string, never copies its input and reports errors as
 * {@link JsonException} with the offending index.
 */
final class JsonLexer {

    /**
     * Longest number accepted, in characters. Converting an n-digit integer to BigInteger costs
     * O(n^2) (13 s for a 1 MB literal), so like Python's int-string limit (4,300 digits) the
     * lexer refuses longer numbers before anything converts them; no real peer sends them.
     */
    static final int MAX_NUMBER_LENGTH = 4300;

    /**
     * Largest exponent magnitude accepted. A double ends at 1e308; {@code 1e999999999} is cheap
     * here but a user's {@code BigDecimal.toBigInteger()} or {@code intValue()} on it builds a
     * billion-digit number.
     */
    static final int MAX_EXPONENT = 9999;
    private static final int MAX_EXPONENT_DIGITS = 4;

    private JsonLexer() {
    }

    /** Returns the first index at or after {@code pos} that is not JSON whitespace. */
    static int skipWhitespace(String s, int pos, int end) {
        while (pos < end) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return pos;
            }
            pos++;
        }
        return pos;
    }

    /** Requires {@code c} at {@code pos} and returns the index after it. */
    static int expect(String s, int pos, int end, char c) {
        if (pos >= end || s.charAt(pos) != c) {
            throw unexpected(s, pos, end);
        }
        return pos + 1;
    }

    /** Requires the literal (true, false, null) at {@code pos}; returns the index after it. */
    static int expectLiteral(String s, int pos, int end, String literal) {
        for (int i = 0; i < literal.length(); i++) {
            if (pos + i >= end || s.charAt(pos + i) != literal.charAt(i)) {
                throw unexpected(s, pos + i, end);
            }
        }
        return pos + literal.length();
    }

    // ---- strings ---------------------------------------------------------------------------

    /**
     * Validates the string starting at the opening quote {@code pos}.
     *
     * @return the index just after the closing quote
     */
    static int scanString(String s, int pos, int end) {
        int i = pos + 1;
        while (i < end) {
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            } else if (c == '\\') {
                i = scanEscape(s, i, end);
            } else if (c < 0x20) {
                throw unexpected(s, i, end);
            } else {
                i++;
            }
        }
        throw new JsonException("Unterminated string starting at " + pos);
    }

    /**
     * The index of the closing quote of a string whose content starts at {@code from}, if the
     * content has neither an escape nor a control character; else -1 (the caller then takes the
     * validating path). The common case in one pass instead of a scan and a decode.
     */
    static int plainStringEnd(String s, int from, int end) {
        for (int i = from; i < end; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' || c < 0x20) {
                return -1;
            }
        }
        return -1;
    }

    /** Validates the escape sequence whose backslash is at {@code pos}; returns the index after it. */
    private static int scanEscape(String s, int pos, int end) {
        if (pos + 1 >= end) {
            throw unexpected(s, pos + 1, end);
        }
        switch (s.charAt(pos + 1)) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
                return pos + 2;
            case 'u':
                for (int i = pos + 2; i < pos + 6; i++) {
                    if (i >= end || hexValue(s.charAt(i)) < 0) {
                        throw new JsonException("Invalid \\u escape at " + pos);
                    }
                }
                return pos + 6;
            default:
                throw new JsonException("Invalid escape '\\" + describe(s.charAt(pos + 1)) + "' at " + pos);
        }
    }

    /**
     * Decodes the content of an already validated string; {@code from} is just after the
     * opening quote, {@code to} is the index of the closing quote. Without escapes this is a
     * plain substring.
     */
    static String decodeString(String s, int from, int to) {
        int backslash = indexOfBackslash(s, from, to);
        if (backslash < 0) {
            return s.substring(from, to);
        }
        StringBuilder sb = new StringBuilder(to - from);
        int i = from;
        while (backslash >= 0) {
            sb.append(s, i, backslash);
            i = appendUnescaped(sb, s, backslash);
            backslash = indexOfBackslash(s, i, to);
        }
        return sb.append(s, i, to).toString();
    }

    private static int indexOfBackslash(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\\') {
                return i;
            }
        }
        return -1;
    }

    /** Appends the character of the (valid) escape at {@code pos}; returns the index after it. */
    private static int appendUnescaped(StringBuilder sb, String s, int pos) {
        char c = s.charAt(pos + 1);
        switch (c) {
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> {
                sb.append(hex4(s, pos + 2));
                return pos + 6;
            }
            default -> sb.append(c); // " \ /
        }
        return pos + 2;
    }

    private static char hex4(String s, int pos) {
        return (char) (hexValue(s.charAt(pos)) << 12 | hexValue(s.charAt(pos + 1)) << 8
                | hexValue(s.charAt(pos + 2)) << 4 | hexValue(s.charAt(pos + 3)));
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    // ---- numbers ---------------------------------------------------------------------------

    /**
     * Validates the number starting at {@code pos} ({@code -? (0 | [1-9][0-9]*) frac? exp?}).
     * A leading zero followed by a digit is rejected here, so {@code 01} fails as a number, and
     * so are numbers longer than {@link #MAX_NUMBER_LENGTH} or with an exponent beyond
     * {@link #MAX_EXPONENT}.
     *
     * @return the index just after the number
     */
    static int scanNumber(String s, int pos, int end) {
        int after = scanNumberSyntax(s, pos, end);
        if (after - pos > MAX_NUMBER_LENGTH) {
            throw new JsonException("Number longer than " + MAX_NUMBER_LENGTH + " characters at " + pos);
        }
        return after;
    }

    private static int scanNumberSyntax(String s, int pos, int end) {
        int i = pos;
        if (i < end && s.charAt(i) == '-') {
            i++;
        }
        if (i < end && s.charAt(i) == '0') {
            i++;
            if (i < end && isDigit(s.charAt(i))) {
                throw new JsonException("Leading zero in number at " + pos);
            }
        } else {
            i = requireDigits(s, i, end);
        }
        if (i < end && s.charAt(i) == '.') {
            i = requireDigits(s, i + 1, end);
        }
        if (i < end && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int digits = i;
            i = requireDigits(s, i, end);
            checkExponent(s, digits, i, pos);
        }
        return i;
    }

    /** Refuses exponent digits {@code s[from, to)} worth more than {@link #MAX_EXPONENT}. */
    private static void checkExponent(String s, int from, int to, int numberStart) {
        while (from < to - 1 && s.charAt(from) == '0') {
            from++;
        }
        if (to - from > MAX_EXPONENT_DIGITS) {
            throw new JsonException("Exponent beyond " + MAX_EXPONENT + " in number at " + numberStart);
        }
    }

    private static int requireDigits(String s, int pos, int end) {
        if (pos >= end || !isDigit(s.charAt(pos))) {
            throw unexpected(s, pos, end);
        }
        int i = pos + 1;
        while (i < end && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Converts a validated number to the narrowest fitting type: Integer, Long or BigInteger
     * for integers, Double when there is a fraction or exponent.
     */
    static Number toNumber(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                return Double.parseDouble(s.substring(from, to));
            }
        }
        boolean negative = s.charAt(from) == '-';
        int digits = to - from - (negative ? 1 : 0);
        if (digits > 18) {
            return bigInteger(s.substring(from, to));
        }
        long value = 0;
        for (int i = negative ? from + 1 : from; i < to; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        value = negative ? -value : value;
        if ((int) value == value) {
            return Integer.valueOf((int) value); // no ?: here: it would widen both to Long
        }
        return Long.valueOf(value);
    }

    private static Number bigInteger(String text) {
        BigInteger big = new BigInteger(text);
        return big.bitLength() < 64 ? Long.valueOf(big.longValue()) : big;
    }

    // ---- errors ----------------------------------------------------------------------------

    /** The error for an unexpected character at {@code pos}, or for the end of input. */
    static JsonException unexpected(String s, int pos, int end) {
        if (pos >= end) {
            return new JsonException("Unexpected end of input at " + pos);
        }
        return new JsonException("Unexpected character '" + describe(s.charAt(pos)) + "' at " + pos);
    }

    static JsonException tooDeep(int pos) {
        return new JsonException("Nesting deeper than " + JsonScanner.MAX_DEPTH + " at " + pos);
    }

    /** Printable form of a character for error messages; control characters as \\uXXXX. */
    private static String describe(char c) {
        if (c >= 0x20 && c < 0x7f) {
            return String.valueOf(c);
        }
        String hex = Integer.toHexString(c);
        return "\\u" + "0000".substring(hex.length()) + hex;
    }
}
