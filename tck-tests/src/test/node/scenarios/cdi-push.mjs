// CDI app, server-initiated emits: "push" n makes the socket join a room, and a plain thread of another bean
// emits "pushed" 1..n to that room through the injected SocketIo.
// argv[3]: "default" (polling then upgrade), "polling" or "websocket".
import { io } from "socket.io-client";
import { scenario, baseUrl, path, once, within, assert } from "../lib/harness.mjs";

const mode = process.argv[3] || "default";
const transportOpts = mode === "default" ? {} : { transports: [mode] };

function ack(socket, ev, ...args) {
  return within(new Promise((resolve) => socket.emit(ev, ...args, (...r) => resolve(r))), 3000, `ack of '${ev}'`);
}

await scenario(`cdi-push (${mode})`, async (cleanup) => {
  const s = cleanup(io(baseUrl, { path, forceNew: true, reconnection: false, ...transportOpts }));
  const bystander = cleanup(io(baseUrl, { path, forceNew: true, reconnection: false, ...transportOpts }));
  const bystanderEvents = [];
  bystander.onAny((ev, ...args) => { if (ev !== "welcome") bystanderEvents.push([ev, ...args]); });
  await Promise.all([once(s, "connect"), once(bystander, "connect")]);

  const n = 50;
  const pushed = [];
  const all = within(new Promise((resolve) => s.on("pushed", (...args) => {
    pushed.push(args);
    if (pushed.length === n) resolve();
  })), 5000, `${n} 'pushed' events`);
  assert.deepEqual(await ack(s, "push", n), []);
  await all;
  assert.deepEqual(pushed, Array.from({ length: n }, (_, i) => [i + 1]));
  assert.equal(s.id && (await ack(s, "echo", "still here"))[0], "still here");
  // nothing more was pushed, and the bystander got none of it (marker: broadcast-all)
  const marker = once(bystander, "all-message");
  await ack(s, "broadcast-all", "marker");
  await marker;
  assert.equal(pushed.length, n);
  assert.deepEqual(bystanderEvents, [["all-message", "marker"]]);
});
