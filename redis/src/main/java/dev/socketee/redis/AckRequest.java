package dev.socketee.redis;

import java.util.function.Consumer;
import java.util.function.IntConsumer;

/** The callbacks of a broadcast with acknowledgements that other nodes answer (node's AckRequest). */
record AckRequest(IntConsumer clientCount, Consumer<Object> ack) {
}
