// "message" is answered by "message-back" with the same arguments, for all JSON types, on both transports.
import { io } from "socket.io-client";
import { scenario, baseUrl, path, once, assert, log, transportsUnderTest } from "../lib/harness.mjs";

const cases = [
  [],
  ["text"],
  [1, "2", { 3: "4" }],
  [0, -1.5, 1e21, true, false, null],
  [{ a: { b: { c: [1, [2, [3]]] } } }],
  ["héllo € 😀 \" \\ \n \u2028"],
  [[], {}, ""],
  ["x".repeat(100000)],
];

await scenario("messages-message-back", async (cleanup) => {
  for (const transports of transportsUnderTest([["websocket"], ["polling"]])) {
    const socket = cleanup(io(baseUrl, { path, forceNew: true, transports }));
    await once(socket, "connect");
    for (const args of cases) {
      socket.emit("message", ...args);
      const back = await once(socket, "message-back");
      assert.deepEqual(back, args);
    }
    log(transports[0], ":", cases.length, "argument lists came back identical");
  }
});
