package dev.socketee.redis.wire;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A double as JavaScript's {@code String(x)} writes it (ECMA-262 Number::toString, so also
 * {@code JSON.stringify} for finite numbers): the fewest significant digits that read back as the
 * same double, of those the nearest to its exact value; plain notation from 1e-7 up to 1e21,
 * exponent notation ({@code 1e+21}, {@code 1.5e-7}) outside, no {@code ".0"} on integral values.
 * Java's {@link Double#toString(double)} differs in notation and, before JDK 19, is not always the
 * shortest, so the digits are searched here.
 */
public final class JsNumbers {

    private JsNumbers() {}

    public static String toString(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
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

    /**
     * The decimal of fewest significant digits that reads back as {@code d} (positive, finite),
     * rounded from the exact value (rounding Java's own digits again can miss the nearest). Both
     * neighbours of the exact value at each length are tried, not only the nearer one: at a power
     * of two the next double up is twice as far as the next one down, so the farther neighbour can
     * read back where the nearer one does not (2^-383 is 5.075883674631299e-116, not the 17 digits
     * rounding to nearest would give).
     */
    private static BigDecimal shortestDigits(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean downReadsBack = down.doubleValue() == d;
            boolean upReadsBack = up.doubleValue() == d;
            if (downReadsBack && upReadsBack) {
                return nearer(exact, down, up, precision).stripTrailingZeros();
            }
            if (downReadsBack || upReadsBack) {
                return (downReadsBack ? down : up).stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros(); // 17 digits always read back
    }

    /** The nearer of the two to {@code exact}; on a tie the even one (ECMA-262's recommendation). */
    private static BigDecimal nearer(BigDecimal exact, BigDecimal down, BigDecimal up, int precision) {
        int cmp = exact.subtract(down).compareTo(up.subtract(exact));
        return cmp != 0 ? (cmp < 0 ? down : up) : exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
    }
}
