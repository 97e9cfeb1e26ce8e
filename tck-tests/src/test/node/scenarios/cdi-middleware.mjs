// CDI app, SocketMiddleware (GuardMiddleware): "forbidden" is rejected before its handler, the client's
// ack gets {message, data}; "explode" (the middleware fails) is dropped; other events pass; the outgoing
// hook sees a direct emit and a broadcast ("audited-*"), as the event log shows.
// argv[3]: "default" (polling then upgrade), "polling" or "websocket".
import { io } from "socket.io-client";
import { scenario, baseUrl, path, once, assert } from "../lib/harness.mjs";

const mode = process.argv[3] || "default";
const transportOpts = mode === "default" ? {} : { transports: [mode] };

await scenario(`cdi-middleware (${mode})`, async (cleanup) => {
  const s = cleanup(io(baseUrl, { path, forceNew: true, reconnection: false, ...transportOpts }));
  await once(s, "connect");

  const rejected = await s.timeout(3000).emitWithAck("forbidden", 42);
  assert.deepEqual(rejected, { message: "not allowed", data: { event: "forbidden", arg: 42 } });

  await assert.rejects(s.timeout(500).emitWithAck("explode"), /timed out/, "a failing middleware drops the event");

  assert.deepEqual(await s.timeout(3000).emitWithAck("echo", "still here"), "still here", "other events pass");

  const pong = once(s, "audited-pong");
  const broadcast = once(s, "audited-broadcast");
  assert.equal(await s.timeout(3000).emitWithAck("audited-ping", "x"), "ok");
  assert.deepEqual(await pong, ["x"]);
  assert.deepEqual(await broadcast, ["x"]);

  const entries = await s.timeout(3000).emitWithAck("log", s.id);
  assert.ok(!entries.some((e) => e.startsWith("handler ran")), `no stopped handler ran: ${JSON.stringify(entries)}`);
  assert.ok(entries.includes(`outgoing ${s.id} audited-pong [x]`), `direct emit seen: ${JSON.stringify(entries)}`);
  assert.ok(entries.includes(`outgoing ${s.id} audited-broadcast [x]`), `broadcast seen: ${JSON.stringify(entries)}`);
});
