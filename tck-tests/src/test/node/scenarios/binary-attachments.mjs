// Binary arguments (Node Buffers) nested in objects and arrays, several attachments per packet,
// come back byte-identical in "message-back" and in acks, on websocket and on polling.
import { io } from "socket.io-client";
import { scenario, baseUrl, path, once, assert, log, transportsUnderTest } from "../lib/harness.mjs";

const bytes = (n, seed) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff));

const cases = [
  [Buffer.from([1, 2, 3])],
  [1, "2", { 3: "4", 5: Buffer.from([6]) }], // the README's test-suite example
  [{ a: bytes(10, 1), b: [bytes(0, 2), { c: bytes(300, 3) }] }, bytes(5, 4), "text", 7],
  [bytes(200000, 5)],
  // 10 attachments: the most node's socket.io-parser accepts by default (maxAttachments: 10)
  [[bytes(1, 6), bytes(2, 7), bytes(3, 8), bytes(4, 9), bytes(5, 10), bytes(6, 11), bytes(7, 12), bytes(8, 13), bytes(9, 14), bytes(10, 15)]],
];

// Buffers arrive as Buffer (websocket, polling base64) — compare as plain byte arrays
function normalize(v) {
  if (v instanceof ArrayBuffer) return { bytes: [...new Uint8Array(v)] };
  if (ArrayBuffer.isView(v)) return { bytes: [...new Uint8Array(v.buffer, v.byteOffset, v.byteLength)] };
  if (Array.isArray(v)) return v.map(normalize);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalize(x)]));
  return v;
}

await scenario("binary-attachments", async (cleanup) => {
  for (const transports of transportsUnderTest([["websocket"], ["polling"]])) {
    const socket = cleanup(io(baseUrl, { path, forceNew: true, transports }));
    await once(socket, "connect");
    for (const args of cases) {
      socket.emit("message", ...args);
      const back = await once(socket, "message-back", 5000);
      assert.deepEqual(normalize(back), normalize(args));
      const acked = await socket.timeout(5000).emitWithAck("message-with-ack", ...args);
      // emitWithAck resolves with the first argument only
      assert.deepEqual(normalize(acked), normalize(args[0]));
    }
    log(transports[0], ":", cases.length, "binary argument lists came back identical");
  }
});
