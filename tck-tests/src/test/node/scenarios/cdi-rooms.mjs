// CDI app, namespace "/": rooms with three clients A, B, C (+ D on "/other"). Every step is followed by a
// marker ("broadcast-all" kN); once all clients have the marker, each client's complete event log is compared
// with what exactly it must have received, so non-members are proven to receive nothing (packets to one
// socket are ordered) without sleeping.
// argv[3]: "default" (polling then upgrade), "polling" or "websocket".
import { io, Manager } from "socket.io-client";
import { scenario, baseUrl, path, once, within, assert, log } from "../lib/harness.mjs";

const mode = process.argv[3] || "default";
const transportOpts = mode === "default" ? {} : { transports: [mode] };

function ack(socket, ev, ...args) {
  return within(new Promise((resolve) => socket.emit(ev, ...args, (...r) => resolve(r))), 3000, `ack of '${ev}'`);
}

/** Resolves when the socket's log holds the event with these args (or rejects after 3 s). */
function until(socket, ev, arg) {
  const has = () => socket.events.some((e) => e[0] === ev && e[1] === arg);
  if (has()) return Promise.resolve();
  return within(new Promise((resolve) => {
    const l = () => { if (has()) { socket.offAny(l); resolve(); } };
    socket.onAny(l);
  }), 3000, `'${ev}' ${arg} on ${socket.nsp} ${socket.id}`);
}

await scenario(`cdi-rooms (${mode})`, async (cleanup) => {
  const suffix = Math.random().toString(36).slice(2, 8);
  const r1 = `r1-${suffix}`;
  const r2 = `r2-${suffix}`;
  const clients = [];
  for (let i = 0; i < 3; i++) {
    const s = cleanup(io(baseUrl, { path, forceNew: true, reconnection: false, ...transportOpts }));
    s.events = [];
    s.onAny((ev, ...args) => { if (ev !== "welcome") s.events.push([ev, ...args]); });
    clients.push(s);
  }
  await Promise.all(clients.map((s) => once(s, "connect")));
  const [A, B, C] = clients;
  // D: namespace "/other" (its own connection)
  const D = cleanup(io(baseUrl + "/other", { path, forceNew: true, reconnection: false, ...transportOpts }));
  D.events = [];
  D.onAny((ev, ...args) => D.events.push([ev, ...args]));
  await once(D, "connect");

  const sorted = (...xs) => [...xs].sort();
  assert.deepEqual(await ack(A, "join", r1), [sorted(A.id, r1)]);
  assert.deepEqual(await ack(B, "join", r1), [sorted(B.id, r1)]);
  assert.deepEqual(await ack(B, "join", r2), [sorted(B.id, r1, r2)]);
  assert.deepEqual(await ack(C, "join", r2), [sorted(C.id, r2)]);
  assert.deepEqual(await ack(A, "join", r1), [sorted(A.id, r1)], "joining twice is idempotent");
  assert.deepEqual(await ack(A, "sockets-in", r1), [sorted(A.id, B.id)]);
  assert.deepEqual(await ack(A, "sockets-in", r2), [sorted(B.id, C.id)]);
  assert.deepEqual(await ack(A, "sockets-in", C.id), [[C.id]], "each socket is in the room of its id");
  assert.deepEqual(await ack(A, "sockets-in", `none-${suffix}`), [[]]);

  let k = 0;
  const marker = async () => {
    const m = `k${++k}-${suffix}`;
    assert.deepEqual(await ack(A, "broadcast-all", m), []);
    await Promise.all(clients.map((s) => until(s, "all-message", m)));
    return ["all-message", m];
  };
  const expected = { A: [], B: [], C: [] };
  const step = async (what, fn, got) => {
    await fn();
    const mk = await marker();
    for (const name of ["A", "B", "C"]) expected[name].push(...(got[name] || []), mk);
    const actual = { A: A.events, B: B.events, C: C.events };
    log(mode, what, JSON.stringify({ A: A.events.length, B: B.events.length, C: C.events.length }));
    assert.deepEqual(actual, expected, `after ${what}`);
  };

  await step("to-room r1 from A (B only, not the sender)", () => ack(A, "to-room", r1, "m1"),
    { B: [["room-message", "m1"]] });
  await step("to-room r2 from A, not a member (B and C)", () => ack(A, "to-room", r2, "m1b"),
    { B: [["room-message", "m1b"]], C: [["room-message", "m1b"]] });
  await step("to-rooms [r1, r2] from C (the union once each, sender included)", () => ack(C, "to-rooms", [r1, r2], "m2"),
    { A: [["rooms-message", "m2"]], B: [["rooms-message", "m2"]], C: [["rooms-message", "m2"]] });
  await step("except-room r2 from A (A only)", () => ack(A, "except-room", r2, "m3"),
    { A: [["except-message", "m3"]] });
  await step("broadcast from B (all but B)", () => ack(B, "broadcast", "m4"),
    { A: [["broadcast-message", "m4"]], C: [["broadcast-message", "m4"]] });
  await step("to-other from A (/other only)", async () => {
    const got = once(D, "from-root");
    assert.deepEqual(await ack(A, "to-other", "m5"), []);
    assert.deepEqual(await got, ["m5"]);
  }, {});
  await step("to-socket C from A", async () => {
    assert.deepEqual(await ack(A, "to-socket", C.id, "m6"), [true]);
    assert.deepEqual(await ack(A, "to-socket", "no-such-socket", "m6"), [false]);
  }, { C: [["direct-message", "m6"]] });

  // leave
  assert.deepEqual(await ack(B, "leave", r1), [sorted(B.id, r2)]);
  assert.deepEqual(await ack(B, "leave", `never-joined-${suffix}`), [sorted(B.id, r2)]);
  assert.deepEqual(await ack(A, "sockets-in", r1), [[A.id]]);
  await step("to-room r1 from C after B left (A only)", () => ack(C, "to-room", r1, "m7"),
    { A: [["room-message", "m7"]] });

  // a disconnected socket leaves its rooms
  const cId = C.id; // the client forgets its id on disconnect
  C.disconnect();
  const deadline = Date.now() + 3000;
  let inR2;
  while (Date.now() < deadline) {
    [inR2] = await ack(A, "sockets-in", r2);
    if (!inR2.includes(cId)) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.deepEqual(inR2, [B.id]);
  assert.deepEqual(D.events, [["from-root", "m5"]]);
});
