package dev.socketee.redis.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code String(x)} of node 20 for the same doubles. */
class JsNumbersTest {

    @Test
    void numbersAsJavaScriptWritesThem() {
        assertEquals("1152921504606847000", JsNumbers.toString(Math.pow(2, 60)));
        assertEquals("1e+21", JsNumbers.toString(1e21));
        assertEquals("100000000000000000000", JsNumbers.toString(1e20));
        assertEquals("123000000000000000000", JsNumbers.toString(123e18));
        assertEquals("1e-7", JsNumbers.toString(1e-7));
        assertEquals("1.5e-7", JsNumbers.toString(1.5e-7));
        assertEquals("0.000001", JsNumbers.toString(0.000001));
        assertEquals("123.456", JsNumbers.toString(123.456));
        assertEquals("0.30000000000000004", JsNumbers.toString(0.1 + 0.2));
        assertEquals("5e-324", JsNumbers.toString(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", JsNumbers.toString(Double.MAX_VALUE));
        assertEquals("9007199254740994", JsNumbers.toString(9007199254740994.0));
        assertEquals("-0.5", JsNumbers.toString(-0.5));
        assertEquals("0", JsNumbers.toString(-0.0));
        assertEquals("4.35", JsNumbers.toString(4.35));
        assertEquals("100", JsNumbers.toString(100.0));
    }

    @Test
    void atAPowerOfTwoTheFartherNeighbourMayBeTheShortest() {
        // the nearest 16-digit decimal does not read back there, the next one up does; the two copies this
        // replaced wrote 17 digits (both for the first three, the emitter's for the last)
        assertEquals("5.075883674631299e-116", JsNumbers.toString(0x1p-383));
        assertEquals("5.758609657015292e+163", JsNumbers.toString(0x1p544));
        assertEquals("5.986310706507379e+51", JsNumbers.toString(0x1p172));
        assertEquals("8.263199609878108e+121", JsNumbers.toString(0x1p405));
    }

    @Test
    void theDigitsAreRoundedFromTheExactValue() {
        // the adapter's copy rounded Java's 17 digits again (String.format): one digit too many, a wrong last digit
        assertEquals("5139619883320297000", JsNumbers.toString(Double.longBitsToDouble(0x43d1d4e6436475d2L)));
        assertEquals("-2.5827387087365313e+25", JsNumbers.toString(Double.longBitsToDouble(0xc5355d2975a0f54bL)));
        assertEquals("1138242997484571600", JsNumbers.toString(Double.longBitsToDouble(0x43af97b3f37a4998L)));
    }

    @Test
    void notFiniteAsStringWritesThem() {
        assertEquals("NaN", JsNumbers.toString(Double.NaN));
        assertEquals("Infinity", JsNumbers.toString(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", JsNumbers.toString(Double.NEGATIVE_INFINITY));
    }
}
