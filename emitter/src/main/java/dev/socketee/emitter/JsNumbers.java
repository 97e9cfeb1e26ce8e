package dev.socketee.emitter;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A double as JavaScript's {@code Number.prototype.toString} (and so {@code JSON.stringify}) writes
 * it: the shortest digits that read back as the same double, plain notation from 1e-7 up to 1e21,
 * exponent notation ({@code 1e+21}, {@code 1.5e-7}) outside, no {@code ".0"} on integral values.
 * Java's {@link Double#toString(double)} differs in notation and, before JDK 19, is not always the
 * shortest, so the digits are searched here.
 */
final class JsNumbers {

    private JsNumbers() {}

    /** Only for finite values; JSON has no NaN or Infinity (JSON.stringify writes {@code null}). */
    static String toString(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not finite: " + d);
        }
        if (d == 0) {
            return "0"; // -0 too
        }
        BigDecimal shortest = shortestDigits(Math.abs(d));
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // value = 0.digits * 10^n
        String sign = d < 0 ? "-" : "";
        if (k <= n && n <= 21) {
            return sign + digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return sign + digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return sign + "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    /** The decimal of fewest significant digits (at most 17) nearest to {@code d} that reads back as {@code d}. */
    private static BigDecimal shortestDigits(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
