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
        // the shortest digits (Double.toString's on this JDK) as digits x 10^(n-k)
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
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
}
