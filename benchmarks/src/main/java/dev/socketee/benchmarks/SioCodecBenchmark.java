package dev.socketee.benchmarks;

import dev.socketee.impl.protocol.socket.EncodedSioPacket;
import dev.socketee.impl.protocol.socket.SioPacket;
import dev.socketee.impl.protocol.socket.SioPacketDecoder;
import dev.socketee.impl.protocol.socket.SioPacketEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Socket.IO packets: an event decoded as it arrives (header scanned, arguments kept raw), the ack
 * of an echo handler (raw arguments written back), an event of plain values a server emits, and a
 * binary event with two 1 KB attachments, both ways.
 */
public class SioCodecBenchmark extends BenchmarkSettings {

    static final long ACK_ID = 12;

    @Param({Inputs.ECHO, Inputs.CHAT})
    public String shape;

    String eventText;
    List<Object> rawArgs;
    List<Object> plainArgs;
    List<Object> binaryArgs;
    EncodedSioPacket binaryEvent;
    SioPacketDecoder decoder;

    @Setup
    public void setup() {
        eventText = "2" + ACK_ID + Inputs.json(shape);
        rawArgs = Inputs.rawArgs(shape);
        plainArgs = Inputs.args(shape);
        binaryArgs = binaryArgs(shape);
        binaryEvent = SioPacketEncoder.event("/", "upload", binaryArgs, ACK_ID);
        decoder = new SioPacketDecoder(10);
    }

    /** The shape's arguments with a 1 KB attachment in the first object and another at the end. */
    static List<Object> binaryArgs(String shape) {
        List<Object> args = new ArrayList<>(Inputs.args(shape));
        @SuppressWarnings("unchecked")
        Map<String, Object> first = new LinkedHashMap<>((Map<String, Object>) args.get(0));
        first.put("file", Inputs.bytes(1024));
        args.set(0, first);
        args.add(Inputs.bytes(1024));
        return args;
    }

    /** A client's event with an ack id, as the server reads it: arguments validated and kept raw. */
    @Benchmark
    public SioPacket decodeEvent() {
        return decoder.decodeText(eventText);
    }

    /** An echo handler's answer: the raw arguments written back as an ACK. */
    @Benchmark
    public EncodedSioPacket encodeAckOfRawArgs() {
        return SioPacketEncoder.ack("/", ACK_ID, rawArgs);
    }

    /** A server's emit of plain values (maps, lists, strings, numbers). */
    @Benchmark
    public EncodedSioPacket encodeEventOfPlainValues() {
        return SioPacketEncoder.event("/", "chat", plainArgs, SioPacket.NO_ACK);
    }

    /** BINARY_EVENT: placeholders in the text, the attachments beside it. */
    @Benchmark
    public EncodedSioPacket encodeBinaryEvent() {
        return SioPacketEncoder.event("/", "upload", binaryArgs, ACK_ID);
    }

    /** BINARY_EVENT arriving: the text (parsed into a tree), then its two attachments. */
    @Benchmark
    public SioPacket decodeBinaryEvent() {
        decoder.decodeText(binaryEvent.text());
        decoder.decodeBinary(binaryEvent.attachments().get(0));
        return decoder.decodeBinary(binaryEvent.attachments().get(1));
    }
}
