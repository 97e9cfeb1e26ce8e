// A node.js node of a test cluster: socket.io 4.8.1 with @socket.io/redis-adapter 8.3.0 (node-redis 4).
//
//   node cluster/node-peer.mjs <port, 0 = any> <redis url> [option=value ...]
//     sharded=true          createShardedAdapter (SPUBLISH/SSUBSCRIBE, Redis 7) instead of createAdapter
//     key=<prefix>          the channel prefix (createAdapter's key, createShardedAdapter's channelPrefix)
//     namespaces=/a,/b      namespaces to create up front (any other is created when a client connects)
//     requestsTimeout=<ms>  createAdapter's requestsTimeout (default 5000)
//     subscriptionMode=...  createShardedAdapter's subscriptionMode (static, dynamic, dynamic-private)
//
// Behaviour, the same in every namespace:
//   - a connecting client joins the rooms of its auth.rooms (array) and has socket.data = auth.data; its
//     CONNECT is answered only once the node's Redis subscriptions (the namespace's, the rooms' in
//     sharded mode) are confirmed, so a client that is connected can be reached through Redis;
//   - socket events: "echo" (acks its arguments, or emits "echo" back), "join" / "leave" (room, ack);
//   - server-side events: "ping-server" acks {port, args}; every server-side event is printed;
//   - commands on stdin, one JSON line each, {"id", "op", "nsp" (default "/"), ...}, answered by a
//     `RESULT {"id", "result" | "error"}` line: emit {rooms, except, event, args, local, volatile},
//     emitWithAck {..., timeout}, socketsJoin / socketsLeave {rooms, except, targets},
//     disconnectSockets {rooms, except, close}, fetchSockets {rooms, except}, serverSideEmit {event, args,
//     ack} (its timeout: requestsTimeout), serverCount, close.
// stdout: `READY <port>` once listening and subscribed, then `EVENT {...}` lines: {"type": "connection" |
// "disconnect" | "server-side", "nsp", ...}, and {"type": "resubscribed"} each time it is back on a
// restarted Redis. Binary in commands, results and events: see wire.mjs.
import { createServer } from "node:http";
import { Server } from "socket.io";
import { createAdapter, createShardedAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";
import { say, serveCommands } from "./wire.mjs";

const [portArg, redisUrl, ...rest] = process.argv.slice(2);
if (portArg === undefined || !redisUrl) {
  console.error("usage: node node-peer.mjs <port> <redis url> [sharded=true] [key=socket.io] [namespaces=/a,/b]");
  process.exit(2);
}
const options = Object.fromEntries(rest.map((a) => a.split(/=(.*)/s).slice(0, 2)));
const sharded = options.sharded === "true";
const key = options.key || "socket.io";

const pubClient = createClient({ url: redisUrl });
const subClient = pubClient.duplicate();
for (const c of [pubClient, subClient]) c.on("error", (e) => console.error(`redis client: ${e.message}`));
await Promise.all([pubClient.connect(), subClient.connect()]);
// after a reconnect (Redis restarted), once the subscriptions are back: EVENT {"type": "resubscribed"}
subClient.on("ready", () => subscriptionsConfirmed().then(() => say("EVENT", { type: "resubscribed" }), () => {}));

const adapter = sharded
  ? createShardedAdapter(pubClient, subClient, { channelPrefix: key, subscriptionMode: options.subscriptionMode || "dynamic" })
  : createAdapter(pubClient, subClient, { key, requestsTimeout: Number(options.requestsTimeout || 5000) });

const http = createServer();
const io = new Server(http, { adapter, cors: { origin: true, credentials: true } });

// The adapters subscribe without waiting for Redis; a subscription issued after theirs on the same
// connection and awaited proves theirs are in place (Redis answers one connection in order).
let fences = 0;
async function subscriptionsConfirmed() {
  const channel = `node-peer-fence#${process.pid}#${++fences}`;
  await subClient.subscribe(channel, () => {});
  await subClient.unsubscribe(channel);
}

function setUp(nsp) {
  nsp.use(async (socket, next) => {
    const auth = socket.handshake.auth || {};
    if (Array.isArray(auth.rooms)) socket.join(auth.rooms);
    if (auth.data !== undefined) socket.data = auth.data;
    try {
      await subscriptionsConfirmed();
      next();
    } catch (e) {
      next(e);
    }
  });
  nsp.on("connection", (socket) => {
    say("EVENT", { type: "connection", nsp: nsp.name, id: socket.id, rooms: [...socket.rooms] });
    socket.on("echo", (...args) => {
      const ack = typeof args[args.length - 1] === "function" ? args.pop() : null;
      if (ack) ack(...args);
      else socket.emit("echo", ...args);
    });
    socket.on("join", (room, ack) => { socket.join(room); if (typeof ack === "function") ack([...socket.rooms]); });
    socket.on("leave", (room, ack) => { socket.leave(room); if (typeof ack === "function") ack([...socket.rooms]); });
    socket.on("disconnect", (reason) => say("EVENT", { type: "disconnect", nsp: nsp.name, id: socket.id, reason }));
  });
  nsp.on("ping-server", (...args) => {
    const ack = typeof args[args.length - 1] === "function" ? args.pop() : null;
    if (ack) ack({ port: http.address().port, args });
  });
  // every server-side event, whatever its name: socket.io has no catch-all for them, so wrap the
  // namespace's (internal) entry point for server-side events
  const deliver = nsp._onServerSideEmit.bind(nsp);
  nsp._onServerSideEmit = (args) => {
    const withAck = typeof args[args.length - 1] === "function";
    say("EVENT", { type: "server-side", nsp: nsp.name, event: args[0], args: args.slice(1, withAck ? -1 : undefined), withAck });
    deliver(args);
  };
}

setUp(io.of("/"));
io.on("new_namespace", setUp);
for (const name of (options.namespaces || "").split(",").filter((n) => n && n !== "/")) io.of(name);
io.of(/^\/.+$/); // any other namespace, created by its first client

function selection(command) {
  let op = io.of(command.nsp || "/");
  if (command.rooms && command.rooms.length) op = op.to(command.rooms);
  if (command.except && command.except.length) op = op.except(command.except);
  if (command.local) op = op.local;
  if (command.volatile) op = op.volatile;
  return op;
}

function acked(op, timeout, emit) {
  return new Promise((resolve) => {
    emit(op.timeout(timeout), (err, responses) => resolve({ error: err ? err.message : null, responses: responses ?? [] }));
  });
}

async function handle(c) {
  const nsp = io.of(c.nsp || "/");
  switch (c.op) {
    case "emit":
      selection(c).emit(c.event, ...(c.args || []));
      return {};
    case "emitWithAck":
      return acked(selection(c), c.timeout ?? 2000, (op, cb) => op.emit(c.event, ...(c.args || []), cb));
    case "socketsJoin":
      selection(c).socketsJoin(c.targets);
      return {};
    case "socketsLeave":
      selection(c).socketsLeave(c.targets);
      return {};
    case "disconnectSockets":
      selection(c).disconnectSockets(!!c.close);
      return {};
    case "fetchSockets": {
      const sockets = await selection(c).fetchSockets();
      return sockets.map((s) => ({ id: s.id, rooms: [...s.rooms], data: s.data ?? null, auth: s.handshake.auth }));
    }
    case "serverSideEmit":
      if (c.ack) { // its timeout is the adapter's requestsTimeout
        return new Promise((resolve) => nsp.serverSideEmit(c.event, ...(c.args || []),
          (err, responses) => resolve({ error: err ? err.message : null, responses: responses ?? [] })));
      }
      nsp.serverSideEmit(c.event, ...(c.args || []));
      return {};
    case "serverCount":
      return nsp.adapter.serverCount();
    case "close":
      setImmediate(shutdown);
      return {};
    default:
      throw new Error(`unknown op ${c.op}`);
  }
}

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  io.close();
  await Promise.allSettled([pubClient.quit(), subClient.quit()]);
  process.exit(0);
}
process.on("SIGTERM", shutdown);

http.listen(Number(portArg), "127.0.0.1", async () => {
  await subscriptionsConfirmed();
  serveCommands(handle, shutdown);
  say(`READY ${http.address().port}`);
});
