// "/" and "/custom" from one Manager share one Engine.IO session; each namespace gets its own CONNECT.
import { Manager } from "socket.io-client";
import { scenario, baseUrl, path, once, assert, log, transportsUnderTest } from "../lib/harness.mjs";

await scenario("namespaces-multiplex", async (cleanup) => {
  for (const transports of transportsUnderTest([["websocket"], ["polling"], ["polling", "websocket"]])) {
    const manager = new Manager(baseUrl, { path, transports });
    const root = cleanup(manager.socket("/"));
    const custom = cleanup(manager.socket("/custom"));
    const rootAuth = once(root, "auth");
    const customAuth = once(custom, "auth");
    await Promise.all([once(root, "connect"), once(custom, "connect")]);
    log(transports.join("+"), "engine id", manager.engine.id, "socket ids", root.id, custom.id);
    assert.equal(root.io, custom.io);
    assert.notEqual(root.id, custom.id, "each namespace has its own Socket.IO id");
    assert.deepEqual(await rootAuth, [{}]);
    assert.deepEqual(await customAuth, [{}]);
    // "/custom" has no message handler: only "/" answers
    let customGotBack = false;
    custom.on("message-back", () => { customGotBack = true; });
    root.emit("message", "only root");
    assert.deepEqual(await once(root, "message-back"), ["only root"]);
    assert.equal(customGotBack, false);
    // disconnecting one namespace keeps the other (and the shared session) alive
    const engineId = manager.engine.id;
    custom.disconnect();
    root.emit("message", "still here");
    assert.deepEqual(await once(root, "message-back"), ["still here"]);
    assert.equal(manager.engine.id, engineId);
    root.disconnect();
  }
});
