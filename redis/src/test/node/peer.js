// A node.js socket.io 4.8 server on @socket.io/redis-adapter 8.3 (classic, or sharded with
// SHARDED=1), the peer of socketee-redis's wire tests. It reads one JSON command per line on
// stdin and writes one JSON event per line on stdout; binary values travel as {"$bin": base64}.
//
// env: REDIS_URL, KEY (channel prefix), NSP (namespace), SHARDED=1, SPECIFIC=1
// (publishOnSpecificResponseChannel), REQUESTS_TIMEOUT (ms)
"use strict";

const { createServer } = require("http");
const readline = require("readline");
const { Server } = require("socket.io");
const { createAdapter, createShardedAdapter } = require("@socket.io/redis-adapter");
const { createClient } = require("redis");
const { io: connectClient } = require("socket.io-client");
const notepack = require("notepack.io");

const NSP = process.env.NSP || "/";
const KEY = process.env.KEY || "socket.io";
const SHARDED = process.env.SHARDED === "1";

function toWire(v) {
  if (Buffer.isBuffer(v)) return { $bin: v.toString("base64") };
  if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) return { $bin: Buffer.from(v).toString("base64") };
  if (Array.isArray(v)) return v.map(toWire);
  if (v && typeof v === "object") {
    const o = {};
    for (const k of Object.keys(v)) o[k] = toWire(v[k]);
    return o;
  }
  return v;
}

function fromWire(v) {
  if (Array.isArray(v)) return v.map(fromWire);
  if (v && typeof v === "object") {
    if (typeof v.$bin === "string") return Buffer.from(v.$bin, "base64");
    const o = {};
    for (const k of Object.keys(v)) o[k] = fromWire(v[k]);
    return o;
  }
  return v;
}

function out(event) {
  process.stdout.write(JSON.stringify(toWire(event)) + "\n");
}

async function main() {
  const pub = createClient({ url: process.env.REDIS_URL });
  const sub = pub.duplicate();
  pub.on("error", (e) => out({ ev: "redis-error", message: String(e) }));
  sub.on("error", (e) => out({ ev: "redis-error", message: String(e) }));
  await Promise.all([pub.connect(), sub.connect()]);

  const adapter = SHARDED
    ? createShardedAdapter(pub, sub, { channelPrefix: KEY })
    : createAdapter(pub, sub, {
        key: KEY,
        requestsTimeout: Number(process.env.REQUESTS_TIMEOUT || 2000),
        publishOnSpecificResponseChannel: process.env.SPECIFIC === "1",
      });
  const httpServer = createServer();
  const io = new Server(httpServer, { adapter });
  const nsp = io.of(NSP);
  const clients = new Map();

  nsp.on("connection", (socket) => {
    const { name, rooms, data } = socket.handshake.auth;
    socket.data = data || {};
    socket.join(rooms || []);
    socket.on("disconnect", (reason) => out({ ev: "server-disconnect", name, reason }));
  });
  // a server-side emit from another node (any event; a function last means it wants a reply)
  const onServerSideEmit = (event) => (...args) => {
    const reply = typeof args[args.length - 1] === "function" ? args.pop() : null;
    out({ ev: "server-side", event, args, withAck: reply !== null });
    if (reply) reply("node-reply:" + event);
  };
  for (const event of ["sse", "tick", "question"]) nsp.on(event, onServerSideEmit(event));

  await new Promise((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const port = httpServer.address().port;

  const handlers = {
    client: ({ name, rooms, data }) =>
      new Promise((resolve) => {
        const socket = connectClient(`http://127.0.0.1:${port}${NSP}`, {
          auth: { name, rooms, data },
          transports: ["websocket"],
          reconnection: false,
        });
        clients.set(name, socket);
        socket.onAny((event, ...args) => {
          const ack = typeof args[args.length - 1] === "function" ? args.pop() : null;
          out({ ev: "got", client: name, event, args, withAck: ack !== null });
          if (ack) ack("ack:" + name);
        });
        socket.on("disconnect", (reason) => out({ ev: "client-disconnect", client: name, reason }));
        socket.on("connect", () => resolve({ id: socket.id }));
      }),
    emit: ({ rooms = [], except = [], event, args = [], volatile }) => {
      let op = nsp.to(rooms).except(except);
      if (volatile) op = op.volatile;
      op.emit(event, ...fromWire(args));
      return {};
    },
    emitWithAck: async ({ rooms = [], except = [], event, args = [], timeout }) => {
      try {
        const result = await nsp.timeout(timeout).to(rooms).except(except).emitWithAck(event, ...fromWire(args));
        return { result };
      } catch (e) {
        return { error: e.message };
      }
    },
    fetchSockets: async ({ rooms = [], except = [] }) => {
      try {
        const sockets = await nsp.in(rooms).except(except).fetchSockets();
        return { result: sockets.map((s) => ({ id: s.id, rooms: [...s.rooms], data: s.data, handshake: s.handshake })) };
      } catch (e) {
        return { error: e.message };
      }
    },
    serverSideEmit: async ({ event, args = [], ack }) => {
      if (!ack) {
        nsp.serverSideEmit(event, ...fromWire(args));
        return {};
      }
      try {
        return { result: await nsp.serverSideEmitWithAck(event, ...fromWire(args)) };
      } catch (e) {
        return { error: e.message };
      }
    },
    socketsJoin: ({ rooms = [], except = [], join }) => (nsp.in(rooms).except(except).socketsJoin(join), {}),
    socketsLeave: ({ rooms = [], except = [], leave }) => (nsp.in(rooms).except(except).socketsLeave(leave), {}),
    disconnectSockets: ({ rooms = [], except = [], close }) => (nsp.in(rooms).except(except).disconnectSockets(close), {}),
    serverCount: async () => ({ result: await nsp.adapter.serverCount() }),
    rooms: ({ name }) => {
      const id = clients.get(name) && clients.get(name).id;
      const socket = id && nsp.sockets.get(id);
      return { result: socket ? [...socket.rooms] : null };
    },
    notepack: ({ hex }) => ({ result: notepack.encode(notepack.decode(Buffer.from(hex, "hex"))).toString("hex") }),
    json: ({ text }) => ({ result: JSON.stringify(JSON.parse(text)) }),
    uid: () => ({ result: nsp.adapter.uid }),
    exit: async () => {
      clients.forEach((s) => s.close());
      io.close();
      await Promise.allSettled([pub.quit(), sub.quit()]);
      setImmediate(() => process.exit(0));
      return {};
    },
  };

  readline.createInterface({ input: process.stdin }).on("line", async (line) => {
    let command;
    try {
      command = JSON.parse(line);
      const handler = handlers[command.cmd];
      if (!handler) throw new Error("unknown command " + command.cmd);
      const answer = await handler(command);
      out({ ev: "done", seq: command.seq, ...answer });
    } catch (e) {
      out({ ev: "done", seq: command && command.seq, error: "peer: " + e.message });
    }
  });
  process.stdin.on("end", () => handlers.exit());
  out({ ev: "ready", port, uid: nsp.adapter.uid });
}

main().catch((e) => {
  out({ ev: "fatal", message: String(e && e.stack) });
  process.exit(1);
});
