// socket.io-client, polling only: connects, receives the auth event, round-trips messages, never upgrades.
import { io } from "socket.io-client";
import { scenario, baseUrl, path, once, assert, log } from "../lib/harness.mjs";

await scenario("connect-polling-only", async (cleanup) => {
  const socket = cleanup(io(baseUrl, { path, forceNew: true, transports: ["polling"] }));
  const auth = once(socket, "auth");
  await once(socket, "connect");
  log("connected", socket.id, "transport", socket.io.engine.transport.name);
  assert.equal(socket.io.engine.transport.name, "polling");
  assert.deepEqual(await auth, [{}]);
  for (let i = 0; i < 5; i++) {
    socket.emit("message", i, "p" + i);
    assert.deepEqual(await once(socket, "message-back"), [i, "p" + i]);
  }
  // stays connected across heartbeats (pingInterval 300 ms)
  await new Promise((r) => setTimeout(r, 800));
  assert.equal(socket.connected, true);
  socket.emit("message", "late");
  assert.deepEqual(await once(socket, "message-back"), ["late"]);
  assert.equal(socket.io.engine.transport.name, "polling");
});
