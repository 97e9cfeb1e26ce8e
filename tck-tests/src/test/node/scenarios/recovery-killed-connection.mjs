// Connection state recovery (node socket.io 4.6+) with socket.io-client 4.8 against RecoveryApp: the client talks
// through a TCP proxy this script controls; the proxy resets (RST, not a clean close) every connection of the
// client and refuses new ones while the server emits to the client's id and its rooms; then it lets the client
// reconnect: same id, socket.recovered === true, every missed event once and in order, live events after that.
// Then once more, past the window (the server's clock moved on with advance-clock): a new id, recovered false.
// argv[3]: "websocket" or "polling" (the client's only transport).
import net from "node:net";
import { io } from "socket.io-client";
import { scenario, baseUrl, path, once, within, assert, log } from "../lib/harness.mjs";

const mode = process.argv[3] || "websocket";
const WINDOW_MS = 5000; // RecoveryApp.WINDOW

/** A TCP proxy to the server: resetAll() RSTs every connection through it; while blocked, new ones are reset at once. */
function proxy() {
  const target = new URL(baseUrl);
  const pairs = new Set();
  let blocked = false;
  const server = net.createServer((client) => {
    if (blocked) return client.resetAndDestroy();
    const upstream = net.connect(Number(target.port), target.hostname);
    const pair = { client, upstream };
    pairs.add(pair);
    const drop = () => { pairs.delete(pair); client.destroy(); upstream.destroy(); };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({
    url: `http://127.0.0.1:${server.address().port}`,
    block() { blocked = true; },
    open() { blocked = false; },
    resetAll() { for (const { client, upstream } of [...pairs]) { client.resetAndDestroy(); upstream.resetAndDestroy(); } },
    close() { server.close(); this.resetAll(); },
  })));
}

function ack(socket, ev, ...args) {
  return within(new Promise((resolve) => socket.emit(ev, ...args, (...r) => resolve(r[0]))), 3000, `ack of '${ev}'`);
}

/** Bounded poll of the server: resolves with the reason once it saw `id` disconnect. */
async function disconnectSeen(observer, id) {
  const deadline = Date.now() + 4000;
  while (Date.now() < deadline) {
    const reason = await ack(observer, "disconnect-seen", id);
    if (reason !== null) return reason;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the server did not see ${id} go within 4 s`);
}

await scenario(`recovery-killed-connection (${mode})`, async (cleanup) => {
  const tcp = await proxy();
  cleanup(tcp);
  const observer = cleanup(io(baseUrl, { path, forceNew: true, reconnection: false }));
  await once(observer, "connect");
  const victim = cleanup(io(tcp.url, { path, forceNew: true, transports: [mode],
    reconnectionDelay: 100, reconnectionDelayMax: 200, randomizationFactor: 0 }));
  await once(victim, "connect");
  assert.equal(victim.recovered, false);
  const id = victim.id;
  await ack(victim, "join", "news");
  await ack(victim, "set-data", "user", "ann");
  const got = [];
  victim.onAny((event, n) => got.push(`${event}:${n}`));
  const first = once(victim, "direct");
  await ack(observer, "push", id, "direct", 0); // an event with an offset: the client has something to come back with
  const [n0, offset0] = await first;
  assert.equal(n0, 0);
  assert.equal(typeof offset0, "string", "a kept event carries its offset as last argument");

  // the connection dies (RST), and stays dead while the server emits
  tcp.block();
  const lost = once(victim, "disconnect", 4000);
  tcp.resetAll();
  const [clientReason] = await lost;
  const serverReason = await disconnectSeen(observer, id);
  log(mode, "lost:", clientReason, "/", serverReason);
  got.length = 0;
  await ack(observer, "push", id, "direct", 1);
  await ack(observer, "push", "news", "news", 2);
  await ack(observer, "push-all", "all", 3);
  await ack(observer, "push", "sport", "sport", 4); // not its room
  await ack(observer, "push", id, "direct", 5);

  const back = once(victim, "connect", 4000);
  tcp.open();
  await back;
  assert.equal(victim.id, id, "same id");
  assert.equal(victim.recovered, true, "recovered");
  assert.deepEqual(got, ["direct:1", "news:2", "all:3", "direct:5"], "the missed events, once, in order");
  const me = await ack(victim, "whoami");
  assert.deepEqual(me, { id, recovered: true, rooms: ["news", id].sort(), data: { user: "ann" } });
  const live = once(victim, "live");
  await ack(observer, "push-all", "live", 6);
  await live;
  assert.deepEqual(got, ["direct:1", "news:2", "all:3", "direct:5", "live:6"], "then live, nothing twice");

  // again, but back after the window: a fresh connection
  tcp.block();
  const lostAgain = once(victim, "disconnect", 4000);
  tcp.resetAll();
  await lostAgain;
  await disconnectSeen(observer, id);
  await ack(observer, "advance-clock", WINDOW_MS + 1000);
  const fresh = once(victim, "connect", 4000);
  tcp.open();
  await fresh;
  assert.notEqual(victim.id, id, "a new id past the window");
  assert.equal(victim.recovered, false);
  log(mode, "recovered", id, "then afresh as", victim.id);
});
