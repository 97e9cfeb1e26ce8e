// Not a self-contained scenario: ServerShutdownIT runs it, waits for READY, stops the server, and
// reads the REASONS line: the disconnect reason each socket saw (both apps, both transports).
// argv[2]: conformance app URL, argv[3]: CDI app URL (may carry a context path).
import { io } from "socket.io-client";

const apps = { conformance: process.argv[2], cdi: process.argv[3] };
const reasons = {};
setTimeout(() => {
  console.log("REASONS " + JSON.stringify(reasons));
  process.exit(2);
}, 30000).unref();

// SOCKETEE_TRANSPORTS=websocket: the server has no polling (Tyrus standalone)
const transports = process.env.SOCKETEE_TRANSPORTS ? process.env.SOCKETEE_TRANSPORTS.split(",") : ["websocket", "polling"];
const expected = Object.keys(apps).length * transports.length;
const connected = [];
for (const [app, url] of Object.entries(apps)) {
  const u = new URL(url);
  for (const transport of transports) {
    const s = io(u.origin, {
      path: u.pathname.replace(/\/$/, "") + "/socket.io",
      transports: [transport],
      reconnection: false,
      forceNew: true,
    });
    connected.push(new Promise((resolve, reject) => {
      s.once("connect", resolve);
      s.once("connect_error", reject);
    }));
    s.once("disconnect", (reason) => {
      reasons[`${app} ${transport}`] = reason;
      if (Object.keys(reasons).length === expected) {
        console.log("REASONS " + JSON.stringify(reasons));
        process.exit(0);
      }
    });
  }
}
await Promise.all(connected);
console.log("READY");
