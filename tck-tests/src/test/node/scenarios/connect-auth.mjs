// The CONNECT payload (the client's auth object) is given back by the server's "auth" event, on / and /custom.
import { io, Manager } from "socket.io-client";
import { scenario, baseUrl, path, once, assert, log, transportsUnderTest } from "../lib/harness.mjs";

await scenario("connect-auth", async (cleanup) => {
  const auth = { token: "abc", n: 42, nested: { list: [1, "two", null, true] }, unicode: "é€😀" };
  for (const transports of transportsUnderTest([["websocket"], ["polling"]])) {
    const manager = new Manager(baseUrl, { path, transports });
    const root = cleanup(manager.socket("/", { auth }));
    const custom = cleanup(manager.socket("/custom", { auth: { other: "x" } }));
    const [a1, a2] = await Promise.all([once(root, "auth"), once(custom, "auth")]);
    log(transports[0], "auth on /:", JSON.stringify(a1), "on /custom:", JSON.stringify(a2));
    assert.deepEqual(a1, [auth]);
    assert.deepEqual(a2, [{ other: "x" }]);
  }
  // auth given as a function is resolved by the client before the CONNECT packet
  const s = cleanup(io(baseUrl, { path, forceNew: true, transports: ["websocket"], auth: (cb) => cb({ fromFn: true }) }));
  assert.deepEqual(await once(s, "auth"), [{ fromFn: true }]);
});
