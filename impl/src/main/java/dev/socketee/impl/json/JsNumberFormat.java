package dev.socketee.impl.json;

/**
 * Formats doubles and floats the way JavaScript's {@code Number.prototype.toString} (and so
 * {@code JSON.stringify}) does, because Socket.IO peers are mostly JavaScript: integral values
 * without ".0" ({@code 1}, {@code 0} for -0.0), plain notation for 1e-6 <= |x| < 1e21, otherwise
 * {@code 1.5e-7} / {@code 1e+21}. The significant digits are taken from Java's
 * {@code Double.toString}/{@code Float.toString}, so values round-trip exactly.
 */
final class JsNumberFormat {

    /** Below this magnitude an integral double is printed through {@code long} without allocating. */
    private static final double FAST_INTEGRAL_LIMIT = 1e15;

    private JsNumberFormat() {
    }

    /** Appends {@code d} in JavaScript notation; NaN and infinities as {@code null}. */
    static void appendDouble(StringBuilder out, double d) {
        if (!Double.isFinite(d)) {
            out.append("null");
        } else if (d == (long) d && Math.abs(d) < FAST_INTEGRAL_LIMIT) {
            out.append((long) d);
        } else {
            appendJavaString(out, Double.toString(d));
        }
    }

    /** Appends {@code f} in JavaScript notation using the float's own shortest digits. */
    static void appendFloat(StringBuilder out, float f) {
        if (!Float.isFinite(f)) {
            out.append("null");
        } else if (f == (long) f && Math.abs(f) < FAST_INTEGRAL_LIMIT) {
            out.append((long) f);
        } else {
            appendJavaString(out, Float.toString(f));
        }
    }

    /** Re-formats Java's {@code [-]I.F[E[-]X]} output by the JavaScript rules. */
    private static void appendJavaString(StringBuilder out, String java) {
        int start = 0;
        if (java.charAt(0) == '-') {
            out.append('-');
            start = 1;
        }
        int e = java.indexOf('E');
        int mantissaEnd = e < 0 ? java.length() : e;
        int exponent = e < 0 ? 0 : Integer.parseInt(java, e + 1, java.length(), 10);
        char[] digits = new char[mantissaEnd - start];
        int count = 0;
        int point = 0;
        for (int i = start; i < mantissaEnd; i++) {
            char c = java.charAt(i);
            if (c == '.') {
                point = count;
            } else {
                digits[count++] = c;
            }
        }
        int first = 0;
        while (first < count - 1 && digits[first] == '0') {
            first++;
        }
        while (count - 1 > first && digits[count - 1] == '0') {
            count--;
        }
        appendJs(out, digits, first, count, point - first + exponent);
    }

    /**
     * ECMAScript Number::toString for significant digits {@code digits[from, to)} and decimal
     * exponent {@code n} (value = 0.digits * 10^n).
     */
    private static void appendJs(StringBuilder out, char[] digits, int from, int to, int n) {
        int k = to - from;
        if (k <= n && n <= 21) {
            out.append(digits, from, k);
            appendZeros(out, n - k);
        } else if (0 < n && n <= 21) {
            out.append(digits, from, n).append('.').append(digits, from + n, k - n);
        } else if (-6 < n && n <= 0) {
            out.append("0.");
            appendZeros(out, -n);
            out.append(digits, from, k);
        } else {
            appendExponential(out, digits, from, k, n - 1);
        }
    }

    private static void appendExponential(StringBuilder out, char[] digits, int from, int k, int exp) {
        out.append(digits[from]);
        if (k > 1) {
            out.append('.').append(digits, from + 1, k - 1);
        }
        out.append('e').append(exp < 0 ? '-' : '+').append(Math.abs(exp));
    }

    private static void appendZeros(StringBuilder out, int count) {
        for (int i = 0; i < count; i++) {
            out.append('0');
        }
    }
}
