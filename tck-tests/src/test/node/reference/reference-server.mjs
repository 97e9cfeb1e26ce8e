// Node's reference implementation of the ConformanceServer contract (socket.io 4.8.1 / engine.io 6.6.x),
// to check the tests themselves: run the ITs against it with -Dsocketee.baseUri=http://127.0.0.1:3210.
// Not part of the build; its server packages are not in ../package.json. To use it:
//   mkdir /tmp/refsrv && cd /tmp/refsrv && npm init -y && npm install socket.io@4.8.1 engine.io@6.6.4
//   cp <this file> /tmp/refsrv/ && node /tmp/refsrv/reference-server.mjs 3210
//   mvn -o -pl tck-tests verify -Dsocketee.baseUri=http://127.0.0.1:3210
// Known, intended differences from Socketee's contract (the two ITs that fail against it):
//   - a foreign Origin: node (cors: origin true) echoes it; Socketee answers 403 unless it is allowed;
//   - node keeps the session after a 413 on an oversized POST (Socketee closes it).
import { createServer } from "node:http";
import { Server as EioServer } from "engine.io";
import { Server } from "socket.io";
const port = Number(process.argv[2] || 3210);
const http = createServer();
const common = { pingInterval: 300, pingTimeout: 200, maxHttpBufferSize: 1e6, cors: { origin: true, credentials: true }, destroyUpgrade: false };
const eio = new EioServer(common);
eio.attach(http, { path: "/engine.io/", destroyUpgrade: false });
eio.on("connection", (s) => s.on("message", (d) => s.send(d)));
const io = new Server(http, { ...common, connectTimeout: 1000 });
io.on("connection", (socket) => {
  socket.emit("auth", socket.handshake.auth);
  socket.on("message", (...a) => socket.emit("message-back", ...a));
  socket.on("message-with-ack", (...a) => { const ack = a.pop(); ack(...a); });
  socket.on("server-disconnect", () => socket.disconnect(true));
  socket.on("request-ack", (...a) => socket.emit("ack-request", ...a, (...b) => socket.emit("ack-result", ...b)));
});
io.of("/custom").on("connection", (socket) => socket.emit("auth", socket.handshake.auth));
http.listen(port, "127.0.0.1", () => console.log("listening " + port));
