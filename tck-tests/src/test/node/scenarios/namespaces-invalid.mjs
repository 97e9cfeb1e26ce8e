// Connecting to an unknown namespace fails with connect_error "Invalid namespace"; "/" on the same
// Manager is unaffected.
import { Manager } from "socket.io-client";
import { scenario, baseUrl, path, once, assert, log, transportsUnderTest } from "../lib/harness.mjs";

await scenario("namespaces-invalid", async (cleanup) => {
  for (const transports of transportsUnderTest([["websocket"], ["polling"]])) {
    const manager = new Manager(baseUrl, { path, transports });
    const root = cleanup(manager.socket("/"));
    const random = cleanup(manager.socket("/random"));
    const [err] = await once(random, "connect_error");
    log(transports[0], "connect_error:", err.message, JSON.stringify(err.data));
    assert.ok(err instanceof Error);
    assert.equal(err.message, "Invalid namespace");
    assert.equal(random.connected, false);
    await (root.connected ? Promise.resolve() : once(root, "connect"));
    root.emit("message", "fine");
    assert.deepEqual(await once(root, "message-back"), ["fine"]);
  }
});
