// CDI app, DISCONNECTING / DISCONNECT observers with socket.io's reasons, as logged by the app ("log" socketId):
// client socket.disconnect() -> "client namespace disconnect"; closing the connection -> "transport close";
// "disconnect-me" -> the client sees "io server disconnect", the server logs "server namespace disconnect".
// The rooms are still there at DISCONNECTING.
// argv[3]: "default" (polling then upgrade), "polling" or "websocket".
import { io } from "socket.io-client";
import { scenario, baseUrl, path, once, within, assert, log } from "../lib/harness.mjs";

const mode = process.argv[3] || "default";
const transportOpts = mode === "default" ? {} : { transports: [mode] };

function ack(socket, ev, ...args) {
  return within(new Promise((resolve) => socket.emit(ev, ...args, (...r) => resolve(r))), 3000, `ack of '${ev}'`);
}

function client(cleanup) {
  return cleanup(io(baseUrl, { path, forceNew: true, reconnection: false, ...transportOpts }));
}

await scenario(`cdi-lifecycle (${mode})`, async (cleanup) => {
  const observer = client(cleanup);
  await once(observer, "connect");
  const suffix = Math.random().toString(36).slice(2, 8);

  /** The log entries about id, once there are two (bounded: polls for at most 3 s). */
  async function entries(id) {
    const deadline = Date.now() + 3000;
    for (;;) {
      const [list] = await ack(observer, "log", id);
      if (list.length >= 2 || Date.now() > deadline) return list;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  const rooms = (...xs) => `[${[...xs].sort().join(", ")}]`;

  const cases = [
    ["client namespace disconnect", "io client disconnect", (s) => s.disconnect()],
    ["transport close", "forced close", (s) => s.io.engine.close()],
    ["server namespace disconnect", "io server disconnect", (s) => s.emit("disconnect-me")],
  ];
  for (const [serverReason, clientReason, disconnect] of cases) {
    const s = client(cleanup);
    await once(s, "connect");
    const id = s.id;
    const room = `life-${suffix}`;
    await ack(s, "join", room);
    assert.deepEqual(await ack(observer, "log", id), [[]], "nothing logged while connected");
    const gone = once(s, "disconnect");
    disconnect(s);
    const [reason] = await gone;
    assert.equal(reason, clientReason);
    const list = await entries(id);
    log(mode, serverReason, JSON.stringify(list));
    assert.deepEqual(list, [
      `disconnecting ${id} ${serverReason} rooms=${rooms(id, room)}`,
      `disconnect ${id} ${serverReason}`,
    ]);
    // the socket has left its rooms
    const [left] = await ack(observer, "sockets-in", room);
    assert.ok(!left.includes(id), `${id} still in ${room}: ${left}`);
  }
  assert.equal(observer.connected, true);
});
