// Socket.IO clients (socket.io-client 4.8.1) driven by a test, any number in one process, on any node
// of a test cluster (node.js or Socketee).
//
//   node cluster/clients.mjs
//
// Commands on stdin, one JSON line each, answered by `RESULT {"id", "result" | "error"}`:
//   {"id", "op": "connect", "client": "<name>", "url": "http://127.0.0.1:<port>", "nsp": "/chat",
//    "auth": {...}, "path": "/socket.io", "transports": ["polling", "websocket"], "noAck": false}
//       resolves with {"sid"} once connected (or fails with the connect_error);
//   {"op": "emit", "client", "event", "args", "ack": true, "timeout": 2000} resolves with the ack's arguments;
//   {"op": "disconnect", "client"}.
// Every event a client receives is printed, `EVENT {"client", "event", "args"}`, also "connect" and
// "disconnect" (args: [reason]). An event the server wants acknowledged is acknowledged with its own
// arguments, unless the client connected with "noAck": true. Binary: see wire.mjs.
import { io } from "socket.io-client";
import { say, serveCommands } from "./wire.mjs";

const clients = new Map();

function client(name) {
  const socket = clients.get(name);
  if (!socket) throw new Error(`no client ${name}`);
  return socket;
}

function connect(c) {
  if (clients.has(c.client)) throw new Error(`client ${c.client} exists`);
  const socket = io(c.url + (c.nsp && c.nsp !== "/" ? c.nsp : ""), {
    path: c.path || "/socket.io",
    auth: c.auth || {},
    transports: c.transports || ["polling", "websocket"],
    forceNew: true,
    reconnection: false,
    timeout: 5000,
  });
  clients.set(c.client, socket);
  socket.onAny((event, ...args) => {
    const ack = typeof args[args.length - 1] === "function" ? args.pop() : null;
    say("EVENT", { client: c.client, event, args });
    if (ack && !c.noAck) ack(...args);
  });
  socket.on("disconnect", (reason) => say("EVENT", { client: c.client, event: "disconnect", args: [reason] }));
  return new Promise((resolve, reject) => {
    socket.once("connect", () => {
      say("EVENT", { client: c.client, event: "connect", args: [socket.id] });
      resolve({ sid: socket.id });
    });
    socket.once("connect_error", (e) => {
      clients.delete(c.client);
      socket.close();
      reject(new Error(`connect_error: ${e.message}`));
    });
  });
}

async function handle(c) {
  switch (c.op) {
    case "connect":
      return connect(c);
    case "emit": {
      const socket = client(c.client);
      if (!c.ack) {
        socket.emit(c.event, ...(c.args || []));
        return {};
      }
      return socket.timeout(c.timeout ?? 2000).emitWithAck(c.event, ...(c.args || []));
    }
    case "disconnect":
      client(c.client).disconnect();
      clients.delete(c.client);
      return {};
    default:
      throw new Error(`unknown op ${c.op}`);
  }
}

serveCommands(handle, () => {
  clients.forEach((s) => s.disconnect());
  process.exit(0);
});
say("READY");
