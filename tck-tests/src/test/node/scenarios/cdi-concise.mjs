// CDI app, concise handlers on "/concise" (ConciseHandlers, ConciseScopedHandlers): a handler's return value is
// the ack (sync, @ObservesAsync, CompletionStage), payload-typed handlers with further parameters by type, the
// ack rule (answered on completion unless the handler holds the ack), failures acked {"message":"server error"},
// the class-level namespace and a method's own, and the current Socket / Handshake injected in a request-scoped bean.
// argv[3]: "default" (polling then upgrade), "polling" or "websocket".
import { io } from "socket.io-client";
import { scenario, baseUrl, path, once, assert, log } from "../lib/harness.mjs";

const mode = process.argv[3] || "default";
const transportOpts = mode === "default" ? {} : { transports: [mode] };

/** All ack arguments (an array), or rejects when there is no ack within ms. */
function ack(s, ms, ev, ...args) {
  return new Promise((resolve, reject) => {
    s.timeout(ms).emit(ev, ...args, (err, ...ackArgs) => (err ? reject(err) : resolve(ackArgs)));
  });
}

/** Resolves true when no ack arrives within ms (the client's own timeout), false if one does. */
function noAck(s, ms, ev, ...args) {
  return ack(s, ms, ev, ...args).then(() => false, () => true);
}

await scenario(`cdi-concise (${mode})`, async (cleanup) => {
  const s = cleanup(io(baseUrl + "/concise", { path, forceNew: true, reconnection: false, query: { who: "me" }, ...transportOpts }));
  const errors = [];
  s.on("concise-error", (...a) => errors.push(a));
  await once(s, "connect");

  // return values, sync
  assert.deepEqual(await ack(s, 2000, "ret", "x"), ["ret:x"]);
  // lone surrogates survive the server's own JSON writing (escaped as JSON.stringify does), a pair too
  assert.deepEqual(await ack(s, 2000, "ret", "a\ud800b\udc00 \ud83d\ude00"), ["ret:a\ud800b\udc00 \ud83d\ude00"]);
  assert.deepEqual(await ack(s, 2000, "add", 2, 40), [42]);
  // payload-typed with Socket and AckCallback: the handler answers (two arguments)
  const echo = once(s, "chat-echo");
  assert.deepEqual(await ack(s, 2000, "chat", { text: "hi", n: 3 }), ["got hi", 3]);
  assert.deepEqual(await echo, ["hi", 3]);
  // CompletionStage: acked when it completes
  assert.deepEqual(await ack(s, 2000, "later", "y"), ["later:y"]);
  // no value, no ack access: an empty ack on completion
  assert.deepEqual(await ack(s, 2000, "silent", "z"), []);
  // failures: {"message":"server error"}, and the namespace's error handler saw the exception
  assert.deepEqual(await ack(s, 2000, "fails", "f"), [{ message: "server error" }]);
  assert.deepEqual(await ack(s, 2000, "later-fails", "g"), [{ message: "server error" }]);
  // async
  assert.deepEqual(await ack(s, 2000, "async-ret", "a"), ["async:a:worker"]);
  assert.deepEqual(await ack(s, 2000, "async-silent", "b"), []);
  assert.deepEqual(await ack(s, 2000, "async-late", "c"), ["late", "c"], "a late e.ack of an async handler is not lost");
  assert.deepEqual(await ack(s, 2000, "async-stage", [1, 2, 3]), [[2, 4, 6]]);
  // scopes: a fresh @RequestScoped / @Dependent instance per event
  const [r1] = await ack(s, 2000, "request-scoped", "r");
  const [r2] = await ack(s, 2000, "request-scoped", "r");
  const [r3] = await ack(s, 2000, "request-scoped-async", "q");
  assert.match(r1, /^r:\d+:1$/);
  assert.match(r3, /^q:\d+:1$/);
  assert.notEqual(r1, r2, "a new request-scoped instance per event");
  const [d1] = await ack(s, 2000, "dependent", "d");
  const [d2] = await ack(s, 2000, "dependent", "d");
  assert.notEqual(d1, d2, "a new dependent instance per event");
  // the current Socket and Handshake, injected
  assert.deepEqual(await ack(s, 2000, "whoami", null), [{ id: s.id, nsp: "/concise", query: "me", sameHandshake: true }]);
  assert.deepEqual(await ack(s, 2000, "container-socket"), [true, true], "Socket and Handshake as CDI injection points of an observer");
  // the method's namespace wins over the class's: "where" is not on /concise
  assert.ok(await noAck(s, 300, "where", "w"), "no handler of 'where' on /concise");
  const o = cleanup(io(baseUrl + "/concise-other", { path, forceNew: true, reconnection: false, ...transportOpts }));
  await once(o, "connect");
  assert.deepEqual(await ack(o, 2000, "where", "w"), ["other:w"]);
  // a payload that cannot be bound: the handler never ran, so its ack is a failure even though it holds the ack
  assert.deepEqual(await ack(s, 2000, "chat", "not an object"), [{ message: "server error" }]);
  // a sync handler holding the ack answers it after it returned
  assert.deepEqual(await ack(s, 2000, "sync-late"), ["sync late"]);
  // a void SocketEvent handler holds its ack: never answered for it
  assert.ok(await noAck(s, 300, "holds", "h"), "a handler holding the ack is not answered automatically");

  log(mode, "errors", JSON.stringify(errors));
  assert.deepEqual(errors.map((e) => e[0]).sort(), ["chat", "fails", "later-fails"]);
  assert.ok(errors.some((e) => e[1] === "stage failed: g"), JSON.stringify(errors));
});
