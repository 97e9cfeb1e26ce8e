// engine.io-client, polling only: text and binary messages are echoed by /engine.io/, in order.
import { Socket } from "engine.io-client";
import { scenario, baseUrl, once, assert, log } from "../lib/harness.mjs";

await scenario("engine-polling-echo", async (cleanup) => {
  const socket = cleanup(new Socket(baseUrl, { path: "/engine.io/", transports: ["polling"], upgrade: false }));
  await once(socket, "open");
  log("open, transport", socket.transport.name, "id", socket.id);
  assert.equal(socket.transport.name, "polling");
  const received = [];
  const done = new Promise((resolve) => socket.on("message", (m) => { received.push(m); if (received.length === 4) resolve(); }));
  socket.send("hello");
  socket.send("héllo € 😀");
  socket.send(Buffer.from([1, 2, 3, 255]));
  socket.send("last");
  await Promise.race([done, once(socket, "close").then(() => { throw new Error("closed"); })]);
  log("received", received);
  assert.equal(received[0], "hello");
  assert.equal(received[1], "héllo € 😀");
  assert.ok(typeof received[2] !== "string", "binary must come back as binary");
  assert.deepEqual([...Buffer.from(received[2])], [1, 2, 3, 255]);
  assert.equal(received[3], "last");
  assert.equal(socket.transport.name, "polling");
});
