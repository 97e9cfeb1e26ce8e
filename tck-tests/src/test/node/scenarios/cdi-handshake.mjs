// CDI app, the handshake seen by handlers ("whoami"): header, query parameter, cookie, remote address,
// principal name and HTTP session user (after GET /login?user=NAME, whose session cookie the client sends),
// time, namespace.
// argv[3]: "default" (polling then upgrade), "polling" or "websocket".
import { io } from "socket.io-client";
import { scenario, baseUrl, path, appUrl, once, within, assert, log, websocketOnly } from "../lib/harness.mjs";

const mode = process.argv[3] || "default";
const transportOpts = mode === "default" ? {} : { transports: [mode] };

function ack(socket, ev, ...args) {
  return within(new Promise((resolve) => socket.emit(ev, ...args, (...r) => resolve(r))), 3000, `ack of '${ev}'`);
}

async function whoami(cleanup, opts) {
  const s = cleanup(io(baseUrl, { path, forceNew: true, reconnection: false, ...transportOpts, ...opts }));
  await once(s, "connect");
  const [info] = await ack(s, "whoami");
  log(mode, "whoami:", JSON.stringify(info));
  return info;
}

await scenario(`cdi-handshake (${mode})`, async (cleanup) => {
  assert.deepEqual(await whoami(cleanup, {
    extraHeaders: { "X-Test": "header-value", cookie: "a=1; c=cookie-value; z=2" },
    query: { q: "query value é" },
  }), {
    header: "header-value", query: "query value é", cookie: "cookie-value",
    address: true, principal: null, sessionUser: null, time: true, namespace: "/",
  });

  // without header, query and cookie
  assert.deepEqual(await whoami(cleanup, {}), {
    header: null, query: null, cookie: null,
    address: true, principal: null, sessionUser: null, time: true, namespace: "/",
  });

  if (websocketOnly) {
    log("websocket-only server (no servlets): no HTTP session, no principal");
    return;
  }
  // logged in: the HTTP session (JSESSIONID cookie) gives the principal and the session's attributes
  const res = await within(fetch(`${appUrl}/login?user=carol`), 3000, "GET /login");
  assert.equal(res.status, 200);
  assert.equal(await res.text(), "logged in carol");
  const setCookie = res.headers.get("set-cookie");
  assert.ok(setCookie, "the login sets a session cookie");
  const sessionCookie = setCookie.split(";")[0];
  assert.deepEqual(await whoami(cleanup, { extraHeaders: { cookie: `${sessionCookie}; c=v2` } }), {
    header: null, query: null, cookie: "v2",
    address: true, principal: "carol", sessionUser: "carol", time: true, namespace: "/",
  });
});
