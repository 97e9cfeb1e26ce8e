// CDI app, namespace "/": the connect handler's welcome {id, user}, auth refusal by ConnectionRefusedException
// (connect_error "refused" with data), the per-socket session ("session" acks the user).
// argv[3]: "default" (polling then upgrade), "polling" or "websocket".
import { io } from "socket.io-client";
import { scenario, baseUrl, path, once, within, assert, log } from "../lib/harness.mjs";

const mode = process.argv[3] || "default";
const transportOpts = mode === "default" ? {} : { transports: [mode] };

function client(cleanup, extra = {}) {
  const s = cleanup(io(baseUrl, { path, forceNew: true, reconnection: false, ...transportOpts, ...extra }));
  s.events = [];
  s.onAny((ev, ...args) => s.events.push([ev, ...args]));
  return s;
}

function ack(socket, ev, ...args) {
  return within(new Promise((resolve) => socket.emit(ev, ...args, (...r) => resolve(r))), 3000, `ack of '${ev}'`);
}

await scenario(`cdi-connect (${mode})`, async (cleanup) => {
  // no auth: user "anonymous"
  const anon = client(cleanup);
  const [[welcome]] = await Promise.all([once(anon, "welcome"), once(anon, "connect")]);
  log("welcome without auth:", JSON.stringify(welcome));
  assert.deepEqual(welcome, { id: anon.id, user: "anonymous" });
  assert.deepEqual(await ack(anon, "session"), ["anonymous"]);

  // auth.user is kept in the session of that socket only
  const alice = client(cleanup, { auth: { user: "alice", token: "good" } });
  const [[w2]] = await Promise.all([once(alice, "welcome"), once(alice, "connect")]);
  assert.deepEqual(w2, { id: alice.id, user: "alice" });
  assert.notEqual(alice.id, anon.id);
  assert.deepEqual(await ack(alice, "session"), ["alice"]);
  assert.deepEqual(await ack(anon, "session"), ["anonymous"]);

  // refused: connect_error with the exception's message and data, never connected, no welcome
  const bad = client(cleanup, { auth: { token: "bad", user: "mallory" } });
  let connected = false;
  bad.on("connect", () => { connected = true; });
  const [err] = await once(bad, "connect_error");
  log("refused:", err.message, JSON.stringify(err.data));
  assert.ok(err instanceof Error);
  assert.equal(err.message, "refused");
  assert.deepEqual(err.data, { reason: "bad token" });
  assert.equal(connected, false);
  assert.equal(bad.connected, false);
  assert.deepEqual(bad.events, [], "a refused socket receives no event");

  // each connected socket got exactly one welcome and nothing else
  assert.deepEqual(anon.events, [["welcome", { id: anon.id, user: "anonymous" }]]);
  assert.deepEqual(alice.events, [["welcome", { id: alice.id, user: "alice" }]]);
});
