// CDI app, server -> client acks: "ask-client" (question, timeoutMs) makes the server emit "question" with an
// ack callback (Socket.emitWithAck); the client's ack comes back as "answer" (first arg, number of args), no
// ack within timeoutMs as "answer-timeout" "TimeoutException".
// argv[3]: "default" (polling then upgrade), "polling" or "websocket".
import { io } from "socket.io-client";
import { scenario, baseUrl, path, once, assert, log } from "../lib/harness.mjs";

const mode = process.argv[3] || "default";
const transportOpts = mode === "default" ? {} : { transports: [mode] };

await scenario(`cdi-acks (${mode})`, async (cleanup) => {
  const s = cleanup(io(baseUrl, { path, forceNew: true, reconnection: false, ...transportOpts }));
  const events = [];
  s.onAny((ev, ...args) => events.push(ev));
  await once(s, "connect");

  // one ack argument
  s.once("question", (...args) => {
    const cb = args.pop();
    assert.equal(typeof cb, "function", "the server's emit must carry an ack id");
    assert.deepEqual(args, ["q1?"]);
    cb("yes");
  });
  s.emit("ask-client", "q1?", 2000);
  assert.deepEqual(await once(s, "answer"), ["yes", 1]);

  // several ack arguments
  s.once("question", (...args) => {
    const cb = args.pop();
    assert.deepEqual(args, ["q2?"]);
    cb("sure", { more: [1, 2] }, 3);
  });
  s.emit("ask-client", "q2?", 2000);
  assert.deepEqual(await once(s, "answer"), ["sure", 3]);

  // never acked: times out on the server
  s.once("question", (...args) => {
    assert.equal(typeof args.pop(), "function");
    assert.deepEqual(args, ["q3?"]);
  });
  const t0 = Date.now();
  s.emit("ask-client", "q3?", 300);
  const [name] = await once(s, "answer-timeout", 3000);
  const ms = Date.now() - t0;
  log(mode, "answer-timeout after", ms, "ms");
  const timeoutNames = [name]; // checked at the end, so that the rest runs anyway
  assert.ok(ms >= 250, `timed out after ${ms} ms, asked for 300`);

  // a late ack after the timeout is ignored: no "answer"
  let late;
  s.once("question", (...args) => { late = args.pop(); });
  s.emit("ask-client", "q4?", 100);
  timeoutNames.push(...(await once(s, "answer-timeout")));
  late("too late");
  // marker: a next question round-trip; the late ack must not have produced an "answer" before it
  s.once("question", (...args) => args.pop()("ok"));
  s.emit("ask-client", "q5?", 2000);
  assert.deepEqual(await once(s, "answer"), ["ok", 1]);
  assert.deepEqual(events.filter((e) => e !== "welcome"),
    ["question", "answer", "question", "answer", "question", "answer-timeout",
      "question", "answer-timeout", "question", "answer"]);
  // Socket.emitWithAck completes exceptionally with java.util.concurrent.TimeoutException (its javadoc)
  assert.deepEqual(timeoutNames, ["TimeoutException", "TimeoutException"]);
});
