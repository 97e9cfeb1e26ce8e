package dev.socketee.redis.wire;

/**
 * UTF-8 as node's {@code Buffer} writes it: a lone surrogate becomes U+FFFD (EF BF BD), where
 * {@link String#getBytes(java.nio.charset.Charset)} (and so msgpack-core's {@code packString}) would
 * write {@code '?'}.
 */
final class Utf8 {

    private Utf8() {}

    static byte[] encode(String s) {
        byte[] out = new byte[length(s)];
        int o = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[o++] = (byte) c;
            } else if (c < 0x800) {
                out[o++] = (byte) (0xc0 | c >> 6);
                out[o++] = (byte) (0x80 | c & 0x3f);
            } else if (isPairAt(s, i)) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[o++] = (byte) (0xf0 | cp >> 18);
                out[o++] = (byte) (0x80 | cp >> 12 & 0x3f);
                out[o++] = (byte) (0x80 | cp >> 6 & 0x3f);
                out[o++] = (byte) (0x80 | cp & 0x3f);
            } else {
                int cp = Character.isSurrogate(c) ? 0xfffd : c;
                out[o++] = (byte) (0xe0 | cp >> 12);
                out[o++] = (byte) (0x80 | cp >> 6 & 0x3f);
                out[o++] = (byte) (0x80 | cp & 0x3f);
            }
        }
        return out;
    }

    private static int length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (isPairAt(s, i)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static boolean isPairAt(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1));
    }
}
