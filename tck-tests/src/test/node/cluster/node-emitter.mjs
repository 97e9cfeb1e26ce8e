// node's own @socket.io/redis-emitter 5.1.0, driven by a test: the external-process emitter a node.js
// user has, aimed at a cluster of Socketee nodes.
//
//   node cluster/node-emitter.mjs <redis url> <key>
//
// Commands on stdin, one JSON line each, answered by `RESULT {"id", "result" | "error"}` once published:
//   {"op": "emit", "nsp", "rooms": [...], "except": [...], "event", "args"} (binary: see wire.mjs),
//   {"op": "socketsJoin" | "socketsLeave", "nsp", "rooms", "targets"}, {"op": "disconnectSockets", "nsp", "rooms", "close"}.
// Prints `READY` once connected to Redis.
import { Emitter } from "@socket.io/redis-emitter";
import { createClient } from "redis";
import { say, serveCommands } from "./wire.mjs";

const [redisUrl, key] = process.argv.slice(2);
const client = createClient({ url: redisUrl });
client.on("error", (e) => console.error(`redis client: ${e.message}`));
await client.connect();
const emitter = new Emitter(client, { key: key || "socket.io" });

function selection(c) {
  let op = emitter.of(c.nsp || "/");
  if (c.rooms && c.rooms.length) op = op.to(c.rooms);
  if (c.except && c.except.length) op = op.except(c.except);
  return op;
}

// node-redis sends commands in order on one connection: a PING answered means every publish before it went out
async function flushed() {
  await client.ping();
}

serveCommands(async (c) => {
  switch (c.op) {
    case "emit":
      selection(c).emit(c.event, ...(c.args || []));
      break;
    case "socketsJoin":
      selection(c).socketsJoin(c.targets);
      break;
    case "socketsLeave":
      selection(c).socketsLeave(c.targets);
      break;
    case "disconnectSockets":
      selection(c).disconnectSockets(!!c.close);
      break;
    default:
      throw new Error(`unknown op ${c.op}`);
  }
  await flushed();
  return {};
}, () => client.quit().catch(() => {}));
say("READY");
