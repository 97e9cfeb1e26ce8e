// socket.io-client 2.5.0 (Engine.IO v3, Socket.IO protocol v4) against the allowEio3 server at /eio3,
// websocket-only, polling-only and polling with the upgrade: the implicit connect to "/", events with
// binary both ways, acks both ways, the client's heartbeat (pings answered with pongs), a namespace with
// the query as its auth, refusals in the v4 shape (the middleware's data, else its message).
import io2 from "socket.io-client-v2";
import { scenario, baseUrl, path, once, assert, log } from "../lib/harness.mjs";

const eio3Path = path.replace(/\/socket\.io$/, "/eio3");

await scenario("eio3-v2-client", async (cleanup) => {
  for (const transports of [["websocket"], ["polling"], ["polling", "websocket"]]) {
    const what = transports.join("+");
    const socket = cleanup(io2(baseUrl, { path: eio3Path, forceNew: true, transports, reconnection: false }));
    const upgraded = transports.length > 1 ? once(socket.io.engine, "upgrade") : null;
    const [helloId] = await once(socket, "hello");
    assert.equal(socket.connected, true, `${what}: connected to / without a CONNECT of its own`);
    assert.equal(helloId, socket.id, `${what}: the server's socket id is the client's`);
    assert.equal(socket.id, socket.io.engine.id, `${what}: v4 protocol: the socket id of / is the engine id`);
    if (upgraded) {
      await upgraded;
      assert.equal(socket.io.engine.transport.name, "websocket", "upgraded");
    }

    socket.emit("message", "caf\u00e9 \ud83d\ude00", { n: 1 }, Buffer.from([1, 2, 3]));
    const back = await once(socket, "message-back");
    assert.equal(back[0], "caf\u00e9 \ud83d\ude00");
    assert.deepEqual(back[1], { n: 1 });
    assert.deepEqual([...Buffer.from(back[2])], [1, 2, 3], `${what}: binary attachment back`);

    const acked = await new Promise((resolve) => socket.emit("message-with-ack", "x", Buffer.from([9]), (...a) => resolve(a)));
    assert.equal(acked[0], "x");
    assert.deepEqual([...Buffer.from(acked[1])], [9], `${what}: binary in a client->server ack`);

    socket.once("ack-request", (...args) => {
      const ack = args.pop();
      assert.deepEqual(args, ["a", { b: 1 }]);
      ack("B", Buffer.from([7, 7]));
    });
    socket.emit("request-ack", "a", { b: 1 });
    const result = await once(socket, "ack-result");
    assert.equal(result[0], "B");
    assert.deepEqual([...Buffer.from(result[1])], [7, 7], `${what}: binary in a server->client ack`);

    // the client pings every pingInterval (300 ms); three pongs and still connected
    for (let i = 0; i < 3; i++) await once(socket.io.engine, "pong", 2000);
    assert.equal(socket.connected, true, `${what}: alive after three heartbeats`);

    const custom = cleanup(io2(baseUrl + "/custom", { path: eio3Path, forceNew: true, transports, reconnection: false, query: { token: "abc" } }));
    const [auth] = await once(custom, "auth");
    assert.equal(auth.token, "abc", `${what}: the namespace's query is its auth`);
    assert.equal(custom.id, "/custom#" + custom.io.engine.id, `${what}: v4 protocol socket id nsp#engineId`);

    const refused = cleanup(io2(baseUrl + "/guarded", { path: eio3Path, forceNew: true, transports, reconnection: false, query: { token: "no" } }));
    const [message] = await once(refused, "error");
    assert.equal(message, "not allowed", `${what}: refusal without data: its message`);
    const refusedWithData = cleanup(io2(baseUrl + "/guarded", { path: eio3Path, forceNew: true, transports, reconnection: false, query: { token: "data" } }));
    const [data] = await once(refusedWithData, "error");
    assert.deepEqual(data, { reason: "bad token" }, `${what}: refusal with data: its data`);
    const admitted = cleanup(io2(baseUrl + "/guarded", { path: eio3Path, forceNew: true, transports, reconnection: false, query: { token: "ok" } }));
    await once(admitted, "connect");

    socket.emit("server-disconnect");
    const [reason] = await once(socket, "disconnect");
    log(what, "disconnect reason", reason);
    assert.equal(reason, "io server disconnect");
  }
});
