// CDI app, error handlers: a throwing handler on "/" goes to "/"'s ERROR observer ("error-caught" name, message);
// on /dyn-N to the default ("*") one ("default-error"). The connection stays usable afterwards.
// argv[3]: "default" (polling then upgrade), "polling" or "websocket".
import { Manager } from "socket.io-client";
import { scenario, baseUrl, path, once, within, assert } from "../lib/harness.mjs";

const mode = process.argv[3] || "default";
const transportOpts = mode === "default" ? {} : { transports: [mode] };

function ack(socket, ev, ...args) {
  return within(new Promise((resolve) => socket.emit(ev, ...args, (...r) => resolve(r))), 3000, `ack of '${ev}'`);
}

await scenario(`cdi-errors (${mode})`, async (cleanup) => {
  const manager = new Manager(baseUrl, { path, reconnection: false, ...transportOpts });
  const root = cleanup(manager.socket("/"));
  const dyn = cleanup(manager.socket("/dyn-7"));
  const rootEvents = [];
  const dynEvents = [];
  root.onAny((ev, ...args) => { if (ev !== "welcome") rootEvents.push([ev, ...args]); });
  dyn.onAny((ev, ...args) => dynEvents.push([ev, ...args]));
  await Promise.all([once(root, "connect"), once(dyn, "connect")]);

  root.emit("fail", "x");
  assert.deepEqual(await once(root, "error-caught"), ["fail", "boom: x"]);
  // still usable, several times over
  assert.deepEqual(await ack(root, "echo", "after"), ["after"]);
  root.emit("fail", "y");
  assert.deepEqual(await once(root, "error-caught"), ["fail", "boom: y"]);
  assert.deepEqual(await ack(root, "typed", { text: "ok", n: 1 }), [{ text: "OK", n: 2, count: 1 }]);

  // a throwing handler with an ack: the error handler runs, the connection survives
  root.emit("fail", "z", () => {});
  assert.deepEqual(await once(root, "error-caught"), ["fail", "boom: z"]);
  assert.deepEqual(await ack(root, "echo", 1), [1]);

  dyn.emit("fail", "q");
  assert.deepEqual(await once(dyn, "default-error"), ["fail", "dyn failure"]);
  dyn.emit("fail");
  assert.deepEqual(await once(dyn, "default-error"), ["fail", "dyn failure"]);
  assert.equal(dyn.connected, true);

  // only the namespace's own error handler ran
  assert.deepEqual(rootEvents,
    [["error-caught", "fail", "boom: x"], ["error-caught", "fail", "boom: y"], ["error-caught", "fail", "boom: z"]]);
  assert.deepEqual(dynEvents,
    [["dyn-welcome", "/dyn-7"], ["default-error", "fail", "dyn failure"], ["default-error", "fail", "dyn failure"]]);
  assert.equal(root.connected, true);
});
