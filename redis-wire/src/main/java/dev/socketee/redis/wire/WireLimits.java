package dev.socketee.redis.wire;

/** The bounds the codecs here share, so that whatever one Socketee node writes, another one reads. */
public final class WireLimits {

    /**
     * Containers nested deeper than this are refused, writing and reading: it bounds the recursion
     * (a cyclic value fails instead of overflowing the stack), and it is what Socketee's own JSON
     * reader allows a client.
     */
    public static final int MAX_DEPTH = 64;

    private WireLimits() {}
}
