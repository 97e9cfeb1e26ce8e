package dev.socketee.redis;

import dev.socketee.adapter.OutboundPacket;
import java.util.List;

/** The host's packet in the tests: what the adapter was given, and the ack id the host added. */
record TestPacket(int type, String namespace, List<Object> data, Long ackId) implements OutboundPacket {
}
