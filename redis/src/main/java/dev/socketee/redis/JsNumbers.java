package dev.socketee.redis;

import java.math.BigDecimal;

/**
 * A double as JavaScript's {@code Number.prototype.toString} writes it (ECMA-262 Number::toString):
 * the shortest digits that read back to the same double, plain between 1e-7 and 1e21, otherwise
 * {@code d.ddde+N}. JSON.stringify writes numbers this way, so a request written here is the text
 * node would write.
 */
final class JsNumbers {

    private JsNumbers() {
    }

    static String format(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "null"; // JSON.stringify's answer for both
        }
        if (d == 0) {
            return "0"; // -0 too
        }
        if (d < 0) {
            return "-" + format(-d);
        }
        // the shortest digits that read back as d, as digits x 10^(n-k)
        BigDecimal exact = shortest(d);
        String digits = exact.unscaledValue().toString();
        int k = digits.length();
        int n = k - exact.scale(); // the position of the decimal point after the first digit
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int e = n - 1;
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + "e" + (e >= 0 ? "+" : "-") + Math.abs(e);
    }

    /**
     * The fewest significant digits that parse back to {@code d} (JDK 17's Double.toString is
     * sometimes one digit longer, e.g. for 2^60), each length correctly rounded from the exact value.
     */
    private static BigDecimal shortest(double d) {
        for (int digits = 1; digits < 17; digits++) {
            String s = String.format(java.util.Locale.ROOT, "%." + (digits - 1) + "e", d);
            if (Double.parseDouble(s) == d) {
                return new BigDecimal(s).stripTrailingZeros();
            }
        }
        return new BigDecimal(String.format(java.util.Locale.ROOT, "%.16e", d)).stripTrailingZeros();
    }
}
