// CDI app, namespace "/": echo, JSON-B typed binding (record and List<record>), the unnamed "message" event,
// @RequestScoped beans per event, @ObservesAsync handlers with a deferred ack, binary arguments.
// argv[3]: "default" (polling then upgrade), "polling" or "websocket".
import { io } from "socket.io-client";
import { scenario, baseUrl, path, once, within, assert, log } from "../lib/harness.mjs";

const mode = process.argv[3] || "default";
const transportOpts = mode === "default" ? {} : { transports: [mode] };

function ack(socket, ev, ...args) {
  return within(new Promise((resolve) => socket.emit(ev, ...args, (...r) => resolve(r))), 3000, `ack of '${ev}'`);
}

await scenario(`cdi-events (${mode})`, async (cleanup) => {
  const s = cleanup(io(baseUrl, { path, forceNew: true, reconnection: false, ...transportOpts }));
  await Promise.all([once(s, "connect"), once(s, "welcome")]);

  // echo acks all its arguments, unchanged
  const args = [1, "2", { a: [1, null, true, 2.5], b: { c: "d" } }, "héllo € 😀", null, false];
  assert.deepEqual(await ack(s, "echo", ...args), args);
  assert.deepEqual(await ack(s, "echo"), []);

  // typed: a record bound with JSON-B, a record written back; the counter is per socket (session)
  assert.deepEqual(await ack(s, "typed", { text: "hello", n: 21 }), [{ text: "HELLO", n: 42, count: 1 }]);
  assert.deepEqual(await ack(s, "typed", { text: "Éé", n: -3 }), [{ text: "ÉÉ", n: -6, count: 2 }]);
  const other = cleanup(io(baseUrl, { path, forceNew: true, reconnection: false, ...transportOpts }));
  await once(other, "connect");
  assert.deepEqual(await ack(other, "typed", { text: "x", n: 0 }), [{ text: "X", n: 0, count: 1 }]);
  assert.deepEqual(await ack(s, "typed", { text: "again", n: 1 }), [{ text: "AGAIN", n: 2, count: 3 }]);

  // typed-list: List<Message>
  assert.deepEqual(await ack(s, "typed-list", [{ text: "a", n: 1 }, { text: "b", n: 2 }, { text: "last", n: 3 }]),
    [3, "last"]);

  // unnamed message: send("x") -> server send("echo: x")
  const msg = once(s, "message");
  s.send("x");
  assert.deepEqual(await msg, ["echo: x"]);

  // a fresh @RequestScoped bean per event: always 2
  for (let i = 0; i < 3; i++) assert.deepEqual(await ack(s, "request-scope"), [2]);

  // @ObservesAsync: "slow" is answered after ~100 ms, "echo" sent after it is answered first
  const order = [];
  const t0 = Date.now();
  const slow = ack(s, "slow").then((r) => { order.push("slow"); return [r, Date.now() - t0]; });
  const echo = ack(s, "echo", "fast").then((r) => { order.push("echo"); return r; });
  const [[slowArgs, slowMs], echoArgs] = await Promise.all([slow, echo]);
  log("slow acked after", slowMs, "ms; order", order.join(","));
  assert.deepEqual(echoArgs, ["fast"]);
  assert.deepEqual(slowArgs, ["done after", 100, true]);
  assert.deepEqual(order, ["echo", "slow"]);
  assert.ok(slowMs >= 90, `slow acked after ${slowMs} ms`);

  // binary: Buffer in, Buffer out (reversed)
  for (const bytes of [[1, 2, 3, 255, 0], Array.from({ length: 3000 }, (_, i) => i % 256)]) {
    const [reply] = await ack(s, "binary", Buffer.from(bytes));
    assert.equal(reply.length, bytes.length);
    assert.ok(Buffer.isBuffer(reply.reversed), `reversed is ${typeof reply.reversed}`);
    assert.deepEqual([...reply.reversed], [...bytes].reverse());
    assert.deepEqual(Object.keys(reply).sort(), ["length", "reversed"]);
  }
});
