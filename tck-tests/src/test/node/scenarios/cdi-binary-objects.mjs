// CDI app, namespace "/": Buffers inside objects (records with byte[] on the server), both ways, as
// socket.io-parser's deconstructPacket / reconstructPacket do: acks, emits, room broadcasts and a
// server emitWithAck answered by the client; plus a type bound by the application's JSON-B adapter.
// argv[3]: "default" (polling then upgrade), "polling" or "websocket".
import { io } from "socket.io-client";
import { scenario, baseUrl, path, once, within, assert } from "../lib/harness.mjs";

const mode = process.argv[3] || "default";
const transportOpts = mode === "default" ? {} : { transports: [mode] };

function ack(socket, ev, ...args) {
  return within(new Promise((resolve) => socket.emit(ev, ...args, (...r) => resolve(r))), 3000, `ack of '${ev}'`);
}

function assertBytes(value, expected, what) {
  assert.ok(Buffer.isBuffer(value), `${what} is a Buffer, got ${Object.prototype.toString.call(value)}`);
  assert.deepEqual([...value], expected, what);
}

await scenario(`cdi-binary-objects (${mode})`, async (cleanup) => {
  const s = cleanup(io(baseUrl, { path, forceNew: true, reconnection: false, ...transportOpts }));
  await Promise.all([once(s, "connect"), once(s, "welcome")]);

  // a Buffer inside an object binds to a record's byte[] and comes back as a Buffer
  const [blob] = await ack(s, "blob-echo", { name: "a.bin", data: Buffer.from([1, 2, 3, 255, 0]) });
  assert.equal(blob.name, "a.bin!");
  assertBytes(blob.data, [0, 255, 3, 2, 1], "echoed data");
  assert.deepEqual(Object.keys(blob).sort(), ["data", "name"]);

  // ArrayBuffer and typed-array views are binary for the client too
  const [fromArrayBuffer] = await ack(s, "blob-echo", { name: "ab", data: new Uint8Array([5, 6, 7]).buffer });
  assertBytes(fromArrayBuffer.data, [7, 6, 5], "ArrayBuffer echo");
  const [empty] = await ack(s, "blob-echo", { name: "empty", data: Buffer.alloc(0) });
  assertBytes(empty.data, [], "empty echo");

  // nested: records in a list, byte[] as map values; a large attachment
  const big = Array.from({ length: 5000 }, (_, i) => i % 251);
  const album = {
    title: "holiday",
    photos: [{ name: "p1", data: Buffer.from([1]) }, { name: "p2", data: Buffer.from(big) }],
    thumbs: { small: Buffer.from([9, 9]), large: Buffer.from([8]) },
  };
  const [count, names, back] = await ack(s, "album", album);
  assert.equal(count, 2);
  assert.deepEqual(names, ["large", "small"]);
  assert.equal(back.title, "holiday");
  assert.equal(back.photos[0].name, "p1");
  assertBytes(back.photos[0].data, [1], "photo 1");
  assertBytes(back.photos[1].data, big, "photo 2");
  assertBytes(back.thumbs.small, [9, 9], "small thumb");
  assertBytes(back.thumbs.large, [8], "large thumb");

  // server emits: to the socket, and a room broadcast (one encoding for every receiver)
  const direct = once(s, "blob");
  const room = once(s, "blob-room");
  await ack(s, "blob-push", { name: "pushed", data: Buffer.from([4, 2]) });
  const [[p]] = [await direct];
  assert.equal(p.name, "pushed");
  assertBytes(p.data, [4, 2], "emitted data");
  const [r, list] = await room;
  assertBytes(r.data, [4, 2], "broadcast data");
  assertBytes(list[0].data, [4, 2], "broadcast data in a list");

  // server emitWithAck with a blob inside; the client answers with a Buffer inside an object
  s.once("give-blob", (question, cb) => {
    assertBytes(question.data, [7], "question data");
    cb({ name: "answer", data: Buffer.from([1, 2, 3]) });
  });
  const got = once(s, "blob-got");
  await ack(s, "blob-ask");
  const [name, length, data] = await got;
  assert.equal(name, "answer");
  assert.equal(length, 3);
  assertBytes(data, [1, 2, 3], "answer data");

  // the application's JSON-B configuration (an adapter: Celsius <-> "21.5C") binds and writes
  assert.deepEqual(await ack(s, "weather", { temperature: "21.5C", sensor: "s1" }), [{ sensor: "s1", temperature: "43.0C" }]);
});
