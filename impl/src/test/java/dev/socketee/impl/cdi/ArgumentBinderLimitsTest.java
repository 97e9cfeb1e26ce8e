package dev.socketee.impl.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.socketee.impl.protocol.ProtocolException;
import dev.socketee.impl.protocol.socket.SioPacket;
import dev.socketee.impl.protocol.socket.SioPacketDecoder;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Typed binding of numbers a client sent, through the decoder as in production. Before the
 * JSON limits, a 1 MB integer in a text EVENT decoded in 9 ms and then cost JSON-B (Yasson)
 * more than 8 s per argument bound as BigDecimal, BigInteger, Number or Object; now the packet
 * is refused as malformed and nothing is bound. Numbers at the limit bind quickly.
 */
class ArgumentBinderLimitsTest {

    private static final ArgumentBinder BINDER = new ArgumentBinder();
    private static final String MEGABYTE_INTEGER = "1".repeat(1_000_000);
    private static final String LONGEST_INTEGER = "9".repeat(4300);

    private static Object bindFirstArgument(String number, Type type) {
        SioPacket packet = new SioPacketDecoder(10).decodeText("2[\"e\"," + number + "]");
        return BINDER.bind(packet.args().get(0), type);
    }

    @ParameterizedTest
    @ValueSource(classes = {int.class, long.class, double.class, BigDecimal.class, BigInteger.class, Number.class, Object.class, List.class})
    void megabyteIntegerNeverReachesTheBinder(Class<?> type) {
        assertThrows(ProtocolException.class, () -> bindFirstArgument(MEGABYTE_INTEGER, type));
        assertThrows(ProtocolException.class, () -> bindFirstArgument("1e999999999", type));
    }

    @ParameterizedTest
    @ValueSource(classes = {BigDecimal.class, BigInteger.class, Number.class, Object.class})
    void longestIntegerBindsExactly(Class<?> type) {
        Object value = bindFirstArgument(LONGEST_INTEGER, type);
        assertEquals(new BigInteger(LONGEST_INTEGER), value instanceof BigDecimal d ? d.toBigIntegerExact() : value);
    }

    @ParameterizedTest
    @ValueSource(classes = {int.class, long.class, Integer.class, Long.class})
    void longestIntegerIsRefusedForFixedWidthTypes(Class<?> type) {
        assertThrows(IllegalArgumentException.class, () -> bindFirstArgument(LONGEST_INTEGER, type));
    }

    @ParameterizedTest
    @ValueSource(classes = {double.class, Double.class})
    void longestIntegerIsAnInfiniteDouble(Class<?> type) {
        assertEquals(Double.POSITIVE_INFINITY, bindFirstArgument(LONGEST_INTEGER, type));
    }
}
