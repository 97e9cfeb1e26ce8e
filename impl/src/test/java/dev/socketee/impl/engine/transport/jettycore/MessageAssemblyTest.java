package dev.socketee.impl.engine.transport.jettycore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class MessageAssemblyTest {

    @Test
    void fragmentsMakeOneMessage() {
        MessageAssembly a = new MessageAssembly(10);
        a.start(true);
        ByteBuffer first = ByteBuffer.wrap(new byte[] {1, 2, 3});
        assertTrue(a.append(first));
        assertTrue(first.remaining() == 3, "the fragment's position is left alone");
        assertTrue(a.append(ByteBuffer.wrap(new byte[] {4, 5})));
        assertTrue(a.isActive() && a.isText());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, a.take());
        assertFalse(a.isActive(), "empty again");
    }

    @Test
    void theLimitCountsEveryFragment() {
        MessageAssembly a = new MessageAssembly(4);
        a.start(false);
        assertTrue(a.append(ByteBuffer.wrap(new byte[] {1, 2, 3})));
        assertTrue(a.append(ByteBuffer.wrap(new byte[] {4})), "exactly the limit");
        assertFalse(a.append(ByteBuffer.wrap(new byte[] {5})), "one byte over");
    }

    @Test
    void theNextMessageStartsEmpty() {
        MessageAssembly a = new MessageAssembly(10);
        a.start(true);
        a.append(ByteBuffer.wrap(new byte[] {1, 2}));
        a.take();
        a.start(false);
        a.append(ByteBuffer.wrap(new byte[] {9}));
        assertArrayEquals(new byte[] {9}, a.take());
    }
}
