package dev.socketee.impl.protocol.socket;

import java.util.List;

/**
 * A Socket.IO packet ready for the wire: the text part, then its binary attachments, each to be
 * sent as its own Engine.IO MESSAGE packet in this order. Encoded once and shared by every
 * receiver of a broadcast.
 */
public record EncodedSioPacket(String text, List<byte[]> attachments) {

    public boolean hasAttachments() {
        return !attachments.isEmpty();
    }
}
