// engine.io-client, default transports: polling then upgrade to websocket; a numbered sequence sent
// before, during and after the upgrade comes back complete and in order.
import { Socket } from "engine.io-client";
import { scenario, baseUrl, once, assert, log } from "../lib/harness.mjs";

await scenario("engine-upgrade-sequence", async (cleanup) => {
  const socket = cleanup(new Socket(baseUrl, { path: "/engine.io/" }));
  const received = [];
  const total = 60;
  let upgraded = false;
  const done = new Promise((resolve) => socket.on("message", (m) => { received.push(m); if (received.length === total) resolve(); }));
  socket.on("upgrade", () => { upgraded = true; log("upgrade after", received.length, "echoes"); });
  await once(socket, "open");
  assert.equal(socket.transport.name, "polling");
  let i = 0;
  // send continuously while the upgrade happens
  await new Promise((resolve) => {
    const t = setInterval(() => {
      socket.send("seq" + i++);
      if (i === total) { clearInterval(t); resolve(); }
    }, 5);
  });
  await Promise.race([done, once(socket, "close", 9000).then(() => { throw new Error("closed"); })]);
  if (!upgraded) await once(socket, "upgrade");
  assert.equal(socket.transport.name, "websocket");
  assert.deepEqual(received, Array.from({ length: total }, (_, k) => "seq" + k));
  // nothing duplicated after the sequence
  socket.send("end");
  const [last] = await once(socket, "message");
  assert.equal(last, "end");
  log("all", total, "echoes in order; transport", socket.transport.name);
});
