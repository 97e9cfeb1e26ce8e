package dev.socketee.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A bare Redis subscriber that records every message as it is on the wire (channel and bytes),
 * to check the byte layout each side publishes; or, subscribed to a request channel and never
 * answering, a node that has vanished.
 */
final class RawSubscriber implements AutoCloseable {

    record Message(String channel, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final RedisClient client;
    private final StatefulRedisPubSubConnection<byte[], byte[]> connection;
    private final List<Message> messages = new ArrayList<>();

    RawSubscriber(String uri) {
        client = RedisClient.create(TestCluster.RESOURCES, RedisURI.create(uri));
        connection = client.connectPubSub(ByteArrayCodec.INSTANCE);
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(byte[] pattern, byte[] channel, byte[] message) {
                record(channel, message);
            }

            @Override
            public void message(byte[] channel, byte[] message) {
                record(channel, message);
            }

            @Override
            public void smessage(byte[] channel, byte[] message) {
                record(channel, message);
            }
        });
    }

    RawSubscriber psubscribe(String pattern) {
        connection.sync().psubscribe(bytes(pattern));
        return this;
    }

    RawSubscriber subscribe(String channel) {
        connection.sync().subscribe(bytes(channel));
        return this;
    }

    RawSubscriber ssubscribe(String channel) {
        connection.sync().ssubscribe(bytes(channel));
        return this;
    }

    private synchronized void record(byte[] channel, byte[] message) {
        messages.add(new Message(new String(channel, StandardCharsets.UTF_8), message));
        notifyAll();
    }

    synchronized Message await(Predicate<Message> match, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            for (Message m : messages) {
                if (match.test(m)) {
                    return m;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no message " + what + " among " + messages.stream().map(Message::channel).toList());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
}
