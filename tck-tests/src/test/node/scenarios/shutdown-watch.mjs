// Not a self-contained scenario: ServerShutdownIT runs it, waits for READY, writes STOPPING to its
// stdin, stops the server, and reads the AFTER_MS line (when each socket heard of the stop, in ms
// after STOPPING) and the REASONS line: the disconnect reason each socket saw (both apps, both transports).
// argv[2]: conformance app URL, argv[3]: CDI app URL (may carry a context path).
import { io } from "socket.io-client";
import { createInterface } from "node:readline";

const apps = { conformance: process.argv[2], cdi: process.argv[3] };
const reasons = {};
const afterMs = {};
let stoppingAt = null;
const report = (code) => {
  console.log("AFTER_MS " + JSON.stringify(afterMs));
  console.log("REASONS " + JSON.stringify(reasons));
  process.exit(code);
};
const giveUp = () => report(2);
// until the test says the stop has begun, only a generous limit for connecting (a loaded machine)
let deadline = setTimeout(giveUp, 120000);
deadline.unref();
// the answer is due within a limit counted from the stop, however long connecting took:
// the test wants websockets told within 15 s and polling sockets within 35 s (Liberty quiesces up to 30 s)
createInterface({ input: process.stdin }).on("line", (line) => {
  if (line.trim() === "STOPPING") {
    stoppingAt = Date.now();
    clearTimeout(deadline);
    deadline = setTimeout(giveUp, 40000);
  }
});

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
      afterMs[`${app} ${transport}`] = stoppingAt === null ? -1 : Date.now() - stoppingAt;
      if (Object.keys(reasons).length === expected) {
        report(0);
      }
    });
  }
}
await Promise.all(connected);
console.log("READY");
