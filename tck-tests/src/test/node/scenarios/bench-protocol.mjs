// The protocol of ../shared/bench's load generator, against a bench app (socketee-conformance.jar
// bench / bench-cdi, started with -Dsocketee.allow-eio3=true): "echo" acks with its arguments (on
// websocket, on polling only, and from an Engine.IO v3 client), "broadcast" re-emits its payload as
// "broadcast" to every other socket of "/" (websocket, polling and v3 receivers alike), never to
// the sender.
import { io } from "socket.io-client";
import io2 from "socket.io-client-v2";
import { scenario, baseUrl, path, once, within, assert, log } from "../lib/harness.mjs";

// as the generator sends it: a send time in nanoseconds, a 32-character padding, a sequence number
const payload = (n) => ({ t: 123456789012345, p: "x".repeat(32), s: n });

await scenario("bench-protocol", async (cleanup) => {
  const opts = { path, forceNew: true, reconnection: false };
  const sender = cleanup(io(baseUrl, { ...opts, transports: ["websocket"] }));
  const wsReceiver = cleanup(io(baseUrl, { ...opts, transports: ["websocket"] }));
  const pollReceiver = cleanup(io(baseUrl, { ...opts, transports: ["polling"] }));
  const v3Receiver = cleanup(io2(baseUrl, { ...opts, transports: ["websocket"] }));
  await Promise.all([sender, wsReceiver, pollReceiver, v3Receiver].map((s) => once(s, "connect")));

  // echo: the ack carries the event's arguments, all of them
  for (const [name, s] of [["websocket", sender], ["polling", pollReceiver]]) {
    assert.deepEqual(await s.timeout(3000).emitWithAck("echo", payload(1)), payload(1), `${name} echo`);
    const all = await new Promise((resolve, reject) =>
      s.timeout(3000).emit("echo", payload(2), 3, (err, ...args) => (err ? reject(err) : resolve(args))));
    assert.deepEqual(all, [payload(2), 3], `${name} echo of two arguments`);
  }
  const v3Echo = await within(new Promise((resolve) => v3Receiver.emit("echo", payload(3), resolve)), 3000, "v3 echo");
  assert.deepEqual(v3Echo, payload(3));
  log("echo ok (websocket, polling, EIO=3)");

  // broadcast: every other socket gets it, once; the sender does not
  let senderGot = 0;
  sender.on("broadcast", () => senderGot++);
  const receivers = [wsReceiver, pollReceiver, v3Receiver];
  for (let n = 1; n <= 3; n++) {
    const got = receivers.map((s) => once(s, "broadcast"));
    sender.emit("broadcast", payload(n));
    for (const args of await Promise.all(got)) {
      assert.deepEqual(args, [payload(n)]);
    }
  }
  // anything the server had sent the sender for its broadcasts comes before this ack
  await sender.timeout(3000).emitWithAck("echo", "after");
  assert.equal(senderGot, 0, "the sender received its own broadcast");
  log("broadcast ok (to websocket, polling and EIO=3 receivers, not to the sender)");
});
