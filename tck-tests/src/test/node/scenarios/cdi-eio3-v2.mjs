// CDI app with socketee.allow-eio3=true: socket.io-client 2.5.0 (Engine.IO v3) is on "/" without a
// CONNECT of its own, and the CDI handlers serve it like any client: "ask-client" (question, timeoutMs)
// makes the server emit "question" with an ack; the client's ack comes back as "answer".
// argv[3]: "default" (polling then upgrade), "polling" or "websocket".
import io2 from "socket.io-client-v2";
import { scenario, baseUrl, path, once, assert } from "../lib/harness.mjs";

const mode = process.argv[3] || "default";
const transportOpts = mode === "default" ? {} : { transports: [mode] };

await scenario(`cdi-eio3-v2 (${mode})`, async (cleanup) => {
  const s = cleanup(io2(baseUrl, { path, forceNew: true, reconnection: false, ...transportOpts }));
  await once(s, "connect");
  s.once("question", (...args) => {
    const cb = args.pop();
    assert.equal(typeof cb, "function", "the server's emit must carry an ack id");
    assert.deepEqual(args, ["v2?"]);
    cb("yes");
  });
  s.emit("ask-client", "v2?", 2000);
  assert.deepEqual(await once(s, "answer"), ["yes", 1]);
});
