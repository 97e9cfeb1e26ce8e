// A client to be killed with SIGKILL by scenarios/cdi-killed-client.mjs: it connects, waits until its
// transport is the one under test (for "default", the websocket after the upgrade), prints "ready <socket id>"
// and then only waits. Killed, it sends no close frame and no close packet: its TCP connections just go.
// argv: <origin> <socket.io path> <mode: default | polling | websocket>
import { io } from "socket.io-client";

const [origin, path, mode] = process.argv.slice(2);
const socket = io(origin, { path, forceNew: true, reconnection: false, ...(mode === "default" ? {} : { transports: [mode] }) });
socket.on("connect", () => {
  const ready = () => console.log(`ready ${socket.id} ${socket.io.engine.transport.name}`);
  if (mode === "default" && socket.io.engine.transport.name !== "websocket") {
    socket.io.engine.once("upgrade", ready);
  } else {
    ready();
  }
});
socket.on("connect_error", (e) => {
  console.log(`connect_error ${e.message}`);
  process.exit(1);
});
setTimeout(() => process.exit(3), 10000); // never outlives its scenario
