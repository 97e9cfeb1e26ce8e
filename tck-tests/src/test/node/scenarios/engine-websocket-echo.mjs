// engine.io-client, websocket only: text and binary messages are echoed by /engine.io/, in order.
import { Socket } from "engine.io-client";
import { scenario, baseUrl, once, assert, log } from "../lib/harness.mjs";

await scenario("engine-websocket-echo", async (cleanup) => {
  const socket = cleanup(new Socket(baseUrl, { path: "/engine.io/", transports: ["websocket"] }));
  await once(socket, "open");
  log("open, transport", socket.transport.name, "id", socket.id);
  assert.equal(socket.transport.name, "websocket");
  const received = [];
  const n = 50;
  const done = new Promise((resolve) => socket.on("message", (m) => { received.push(m); if (received.length === n + 1) resolve(); }));
  for (let i = 0; i < n; i++) socket.send("m" + i);
  socket.send(Buffer.from([0, 9, 8, 7]));
  await Promise.race([done, once(socket, "close", 9000).then(() => { throw new Error("closed"); })]);
  log("received", received.length, "messages");
  assert.deepEqual(received.slice(0, n), Array.from({ length: n }, (_, i) => "m" + i));
  assert.ok(typeof received[n] !== "string", "binary must come back as binary");
  assert.deepEqual([...Buffer.from(received[n])], [0, 9, 8, 7]);
});
