// socket.io-client, websocket only: connects, receives the auth event, round-trips a message.
import { io } from "socket.io-client";
import { scenario, baseUrl, path, once, assert, log } from "../lib/harness.mjs";

await scenario("connect-websocket-only", async (cleanup) => {
  const socket = cleanup(io(baseUrl, { path, forceNew: true, transports: ["websocket"] }));
  const auth = once(socket, "auth");
  await once(socket, "connect");
  log("connected", socket.id, "transport", socket.io.engine.transport.name);
  assert.equal(socket.io.engine.transport.name, "websocket");
  assert.deepEqual(await auth, [{}]);
  socket.emit("message", "ws");
  assert.deepEqual(await once(socket, "message-back"), ["ws"]);
  assert.equal(socket.io.engine.transport.name, "websocket");
});
