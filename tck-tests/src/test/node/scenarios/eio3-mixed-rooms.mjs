// v3 and v4 clients on one allowEio3 endpoint (/eio3), in one room: a broadcast from a v4 client's
// handler reaches the v2 client and the other way round, binary included, on both transports.
import io2 from "socket.io-client-v2";
import { io } from "socket.io-client";
import { scenario, baseUrl, path, once, assert } from "../lib/harness.mjs";

const eio3Path = path.replace(/\/socket\.io$/, "/eio3");

await scenario("eio3-mixed-rooms", async (cleanup) => {
  for (const [nsp, transports] of [["/", ["websocket"]], ["/", ["polling"]], ["/custom", ["polling", "websocket"]]]) {
    const what = nsp + " " + transports.join("+");
    const v2 = cleanup(io2(baseUrl + nsp, { path: eio3Path, forceNew: true, transports, reconnection: false }));
    const v4 = cleanup(io(baseUrl + nsp, { path: eio3Path, forceNew: true, transports, reconnection: false }));
    const v4b = cleanup(io(baseUrl + nsp, { path: eio3Path, forceNew: true, transports: ["websocket"], reconnection: false }));
    await Promise.all([once(v2, "connect"), once(v4, "connect"), once(v4b, "connect")]);
    const room = "r-" + transports.join("-");
    for (const s of [v2, v4, v4b]) {
      await new Promise((resolve) => s.emit("join", room, resolve));
    }

    const fromV4 = Promise.all([once(v2, "room-message"), once(v4, "room-message"), once(v4b, "room-message")]);
    v4.emit("to-room", room, "from-v4", Buffer.from([4, 4]));
    for (const [tag, bin] of await fromV4) {
      assert.equal(tag, "from-v4", what);
      assert.deepEqual([...Buffer.from(bin)], [4, 4], `${what}: one broadcast, right for v3 and v4`);
    }

    const fromV2 = Promise.all([once(v2, "room-message"), once(v4, "room-message"), once(v4b, "room-message")]);
    v2.emit("to-room", room, "from-v2", Buffer.from([2]), { ok: true });
    for (const [tag, bin, obj] of await fromV2) {
      assert.equal(tag, "from-v2", what);
      assert.deepEqual([...Buffer.from(bin)], [2], what);
      assert.deepEqual(obj, { ok: true }, what);
    }
  }
});
