// CDI app, DISCONNECT observer's reason for a client killed without a close frame or close packet (SIGKILL of
// a child process), in node's engine.io words: "transport close" when the websocket's connection goes (mode
// "default" after the upgrade, and "websocket"). Over polling node says "transport error" (its parked GET's
// "poll connection closed prematurely"); a servlet container reports that only if it watches the connection of
// a suspended request, which Jetty does not: the server then learns of the loss at the next heartbeat, "ping
// timeout" (within pingInterval + pingTimeout). Read through "disconnect-context" ("<reason>: <context>").
// argv[3]: "default" (polling then upgrade), "polling" or "websocket".
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { io } from "socket.io-client";
import { scenario, baseUrl, path, once, within, assert, log, servedTransports } from "../lib/harness.mjs";

const mode = process.argv[3] || "default";
const expected = mode === "polling" ? ["transport error", "ping timeout"] : ["transport close"];

function ack(socket, ev, ...args) {
  return within(new Promise((resolve) => socket.emit(ev, ...args, (...r) => resolve(r))), 3000, `ack of '${ev}'`);
}

/** Starts the child client; resolves with its socket id once it is connected on the transport under test. */
function startVictim() {
  const script = fileURLToPath(new URL("../lib/killed-client.mjs", import.meta.url));
  const child = spawn(process.execPath, [script, baseUrl, path, mode], { stdio: ["ignore", "pipe", "inherit"] });
  const ready = new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = /ready (\S+) (\S+)/.exec(out);
      if (m) resolve({ child, id: m[1], transport: m[2] });
    });
    child.on("exit", (code) => reject(new Error(`killed-client exited with ${code} before it was ready: ${out}`)));
  });
  return within(ready, 5000, "killed-client ready");
}

await scenario(`cdi-killed-client (${mode})`, async (cleanup) => {
  const observer = cleanup(io(baseUrl, { path, forceNew: true, reconnection: false, ...servedTransports }));
  await once(observer, "connect");
  const { child, id, transport } = await startVictim();
  assert.equal(transport, mode === "polling" ? "polling" : "websocket");
  const exited = once(child, "exit");
  child.kill("SIGKILL");
  await exited;
  // bounded poll (the server may learn of the loss only at the next heartbeat: pingInterval + pingTimeout)
  const deadline = Date.now() + 6000;
  let context = null;
  while (context === null && Date.now() < deadline) {
    [context] = await ack(observer, "disconnect-context", id);
    if (context === null) await new Promise((r) => setTimeout(r, 50));
  }
  log(mode, id, context);
  assert.ok(context !== null, `no disconnect of ${id} seen within 6 s`);
  const reason = context.split(":")[0];
  assert.ok(expected.includes(reason), `reason '${reason}', expected one of ${expected}`);
});
