// Server -> client acks: "request-ack" A makes the server emit "ack-request" A with an ack callback;
// the client's ack B comes back as "ack-result" B.
import { io } from "socket.io-client";
import { scenario, baseUrl, path, once, assert, log, transportsUnderTest } from "../lib/harness.mjs";

await scenario("acks-server-to-client", async (cleanup) => {
  for (const transports of transportsUnderTest([["websocket"], ["polling"]])) {
    const socket = cleanup(io(baseUrl, { path, forceNew: true, transports }));
    await once(socket, "connect");
    socket.once("ack-request", (...args) => {
      const ack = args.pop();
      assert.equal(typeof ack, "function", "the server's emit must carry an ack id");
      log(transports[0], "ack-request args", JSON.stringify(args));
      assert.deepEqual(args, ["a", { b: 1 }]);
      ack("B", { c: [2, 3] }, Buffer.from([7, 7]));
    });
    socket.emit("request-ack", "a", { b: 1 });
    const result = await once(socket, "ack-result");
    assert.equal(result.length, 3);
    assert.deepEqual(result.slice(0, 2), ["B", { c: [2, 3] }]);
    assert.deepEqual([...Buffer.from(result[2])], [7, 7]);
  }
});
