// "message-with-ack" is acknowledged with its own arguments (client -> server acks), concurrently and in any order.
import { io } from "socket.io-client";
import { scenario, baseUrl, path, once, assert, log, transportsUnderTest } from "../lib/harness.mjs";

await scenario("acks-client-to-server", async (cleanup) => {
  for (const transports of transportsUnderTest([["websocket"], ["polling"]])) {
    const socket = cleanup(io(baseUrl, { path, forceNew: true, transports }));
    await once(socket, "connect");
    assert.equal(await socket.timeout(3000).emitWithAck("message-with-ack", "one"), "one");
    assert.deepEqual(await socket.timeout(3000).emitWithAck("message-with-ack", { a: [1, 2] }, 3), { a: [1, 2] });
    // all the ack arguments, via the callback form
    const all = await new Promise((resolve, reject) =>
      socket.timeout(3000).emit("message-with-ack", 1, "2", { 3: [4] }, null, (err, ...args) => (err ? reject(err) : resolve(args))));
    assert.deepEqual(all, [1, "2", { 3: [4] }, null]);
    // ack with no argument
    const none = await new Promise((resolve, reject) =>
      socket.timeout(3000).emit("message-with-ack", (err, ...args) => (err ? reject(err) : resolve(args))));
    assert.deepEqual(none, []);
    // 50 concurrent acks, each resolved with its own value
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => socket.timeout(5000).emitWithAck("message-with-ack", i)));
    assert.deepEqual(results, Array.from({ length: 50 }, (_, i) => i));
    log(transports[0], ": acks ok");
  }
});
