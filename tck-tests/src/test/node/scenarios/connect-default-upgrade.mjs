// socket.io-client with default transports: connects over polling, then upgrades to websocket.
import { io } from "socket.io-client";
import { scenario, baseUrl, path, once, assert, log } from "../lib/harness.mjs";

await scenario("connect-default-upgrade", async (cleanup) => {
  const socket = cleanup(io(baseUrl, { path, forceNew: true }));
  const upgraded = new Promise((resolve) => socket.io.on("open", () => socket.io.engine.once("upgrade", resolve)));
  await once(socket, "connect");
  log("connected", socket.id, "transport", socket.io.engine.transport.name);
  assert.equal(typeof socket.id, "string");
  assert.ok(socket.id.length > 0);
  await Promise.race([upgraded, new Promise((_, rej) => setTimeout(() => rej(new Error("no upgrade within 3 s")), 3000))]);
  assert.equal(socket.io.engine.transport.name, "websocket");
  log("upgraded to", socket.io.engine.transport.name);
  socket.emit("message", "after upgrade");
  const [arg] = await once(socket, "message-back");
  assert.equal(arg, "after upgrade");
});
