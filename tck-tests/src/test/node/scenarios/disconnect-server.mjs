// "server-disconnect" makes the server disconnect the socket: the client sees reason "io server disconnect"
// and does not reconnect by itself.
import { io } from "socket.io-client";
import { scenario, baseUrl, path, once, assert, log, transportsUnderTest } from "../lib/harness.mjs";

await scenario("disconnect-server", async (cleanup) => {
  for (const transports of transportsUnderTest([["websocket"], ["polling"]])) {
    const socket = cleanup(io(baseUrl, { path, forceNew: true, transports }));
    await once(socket, "connect");
    const engine = socket.io.engine;
    const engineClose = once(engine, "close");
    socket.emit("server-disconnect");
    const [reason] = await once(socket, "disconnect");
    log(transports[0], "disconnect reason:", reason);
    assert.equal(reason, "io server disconnect");
    assert.equal(socket.connected, false);
    // the server also closes the Engine.IO connection
    const [engineReason] = await engineClose;
    log(transports[0], "engine close reason:", engineReason);
    // no automatic reconnection after a server-side disconnect
    let reconnected = false;
    socket.on("connect", () => { reconnected = true; });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(reconnected, false);
  }
});
