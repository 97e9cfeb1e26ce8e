// CDI app, namespaces: "/other" has a catch-all observer ("caught" name, argCount, ack name); /dyn-N namespaces
// are created on demand by a regex observer ("dyn-welcome" namespace); an unknown one is refused with
// "Invalid namespace". All multiplexed on one connection.
// argv[3]: "default" (polling then upgrade), "polling" or "websocket".
import { Manager } from "socket.io-client";
import { scenario, baseUrl, path, once, within, assert, log } from "../lib/harness.mjs";

const mode = process.argv[3] || "default";
const transportOpts = mode === "default" ? {} : { transports: [mode] };

function ack(socket, ev, ...args) {
  return within(new Promise((resolve) => socket.emit(ev, ...args, (...r) => resolve(r))), 3000, `ack of '${ev}'`);
}

await scenario(`cdi-namespaces (${mode})`, async (cleanup) => {
  const manager = new Manager(baseUrl, { path, reconnection: false, ...transportOpts });
  const root = cleanup(manager.socket("/"));
  const other = cleanup(manager.socket("/other"));
  const dyn = cleanup(manager.socket("/dyn-42"));
  const dyn2 = cleanup(manager.socket("/dyn-7"));
  const nope = cleanup(manager.socket("/nope"));
  const notDyn = cleanup(manager.socket("/dyn-x"));
  const otherEvents = [];
  other.onAny((ev, ...args) => otherEvents.push([ev, ...args]));

  const [[w1], [w2], [e1], [e2]] = await Promise.all([
    once(dyn, "dyn-welcome"), once(dyn2, "dyn-welcome"),
    once(nope, "connect_error"), once(notDyn, "connect_error"),
    once(root, "connect"), once(other, "connect"),
  ]);
  assert.equal(w1, "/dyn-42");
  assert.equal(w2, "/dyn-7");
  log(mode, "/nope:", e1.message, "/dyn-x:", e2.message);
  assert.equal(e1.message, "Invalid namespace");
  assert.equal(e2.message, "Invalid namespace");
  assert.equal(nope.connected, false);
  assert.equal(dyn.connected, true);

  // the catch-all: any event, any argument count, with or without ack
  assert.deepEqual(await ack(other, "anything", 1, "two", { three: 3 }), ["anything"]);
  assert.deepEqual(await ack(other, "no-args"), ["no-args"]);
  other.emit("fire-and-forget", "x");
  assert.deepEqual(await ack(other, "echo", "not the root's echo"), ["echo"]);
  assert.deepEqual(otherEvents, [
    ["caught", "anything", 3], ["caught", "no-args", 0], ["caught", "fire-and-forget", 1],
    ["caught", "echo", 1],
  ]);
  // "/" still has its own handlers on the same connection
  assert.deepEqual(await ack(root, "echo", "root"), ["root"]);
});
