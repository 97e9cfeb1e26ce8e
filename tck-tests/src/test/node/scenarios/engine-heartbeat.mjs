// engine.io-client answers the server's pings: the connection survives several pingInterval+pingTimeout
// periods, on websocket and on polling.
import { Socket } from "engine.io-client";
import { scenario, baseUrl, once, assert, log, transportsUnderTest } from "../lib/harness.mjs";

async function check(transports) {
  const socket = new Socket(baseUrl, { path: "/engine.io/", transports, upgrade: false });
  try {
    await once(socket, "open");
    let pings = 0;
    let closed = null;
    socket.on("ping", () => pings++);
    socket.on("close", (reason) => { closed = reason; });
    await new Promise((r) => setTimeout(r, 1500)); // 5 ping intervals: observing the heartbeat itself
    log(transports[0], "pings in 1.5 s:", pings, "closed:", closed);
    assert.equal(closed, null);
    assert.ok(pings >= 3 && pings <= 6, `expected ~5 pings in 1.5 s with pingInterval 300, got ${pings}`);
    socket.send("alive");
    const [m] = await once(socket, "message");
    assert.equal(m, "alive");
  } finally {
    socket.close();
  }
}

await scenario("engine-heartbeat", async () => {
  for (const transports of transportsUnderTest([["websocket"], ["polling"]])) {
    await check(transports);
  }
});
