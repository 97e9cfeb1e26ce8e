// CDI app, the handshake seen by handlers ("whoami"): header, query parameter, cookie, remote address,
// principal, time, namespace.
// argv[3]: "default" (polling then upgrade), "polling" or "websocket".
import { io } from "socket.io-client";
import { scenario, baseUrl, once, within, assert, log } from "../lib/harness.mjs";

const mode = process.argv[3] || "default";
const transportOpts = mode === "default" ? {} : { transports: [mode] };

function ack(socket, ev, ...args) {
  return within(new Promise((resolve) => socket.emit(ev, ...args, (...r) => resolve(r))), 3000, `ack of '${ev}'`);
}

await scenario(`cdi-handshake (${mode})`, async (cleanup) => {
  const s = cleanup(io(baseUrl, {
    forceNew: true, reconnection: false, ...transportOpts,
    extraHeaders: { "X-Test": "header-value", cookie: "a=1; c=cookie-value; z=2" },
    query: { q: "query value é" },
  }));
  await once(s, "connect");
  const [info] = await ack(s, "whoami");
  log(mode, "whoami:", JSON.stringify(info));
  assert.deepEqual(info, {
    header: "header-value", query: "query value é", cookie: "cookie-value",
    address: true, principal: false, time: true, namespace: "/",
  });

  // without header, query and cookie
  const bare = cleanup(io(baseUrl, { forceNew: true, reconnection: false, ...transportOpts }));
  await once(bare, "connect");
  const [info2] = await ack(bare, "whoami");
  log(mode, "whoami without extras:", JSON.stringify(info2));
  assert.equal(info2.header ?? null, null);
  assert.equal(info2.query ?? null, null);
  assert.equal(info2.cookie ?? null, null);
  assert.deepEqual({ ...info2, header: undefined, query: undefined, cookie: undefined },
    { header: undefined, query: undefined, cookie: undefined, address: true, principal: false, time: true, namespace: "/" });
});
