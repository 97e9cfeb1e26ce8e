// Shared helpers of the scenarios: base URL, a global time guard, bounded waits, pass/fail exit codes.
import assert from "node:assert/strict";

// argv[2]: the app's URL, with its context path when it is not deployed at the root, e.g.
// http://127.0.0.1:8080/cdi. Socket.IO clients take the origin as URL (a path there would be read as
// a namespace) and the context path in their `path` option.
export const appUrl = (process.argv[2] || "").replace(/\/$/, "");
if (!appUrl) {
  console.error("usage: node <scenario> <appUrl>");
  process.exit(2);
}
export const baseUrl = new URL(appUrl).origin;
export const path = new URL(appUrl).pathname.replace(/\/$/, "") + "/socket.io";

// every scenario exits by itself within 10 s
setTimeout(() => {
  console.error("timeout: scenario did not finish within 10 s");
  process.exit(2);
}, 10000).unref();

// SOCKETEE_TRANSPORTS=websocket (set when the server under test has no polling, e.g. Tyrus standalone):
// a scenario's transport sets are cut to those the server serves.
const served = process.env.SOCKETEE_TRANSPORTS ? process.env.SOCKETEE_TRANSPORTS.split(",") : null;

/** True when the server under test has no servlets (websocket only): no polling, no HTTP session, no login page. */
export const websocketOnly = served !== null && !served.includes("polling");

/** Client options for the transports the server serves ({} when it serves both). */
export const servedTransports = served ? { transports: served } : {};

/** The transport sets (e.g. [["websocket"], ["polling"]]) the server under test serves. */
export function transportsUnderTest(sets) {
  return served ? sets.filter((set) => set.every((t) => served.includes(t))) : sets;
}

export function log(...args) {
  console.log(...args);
}

/** Resolves with the event's arguments (an array), or rejects after `ms`. */
export function once(emitter, event, ms = 3000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no '${event}' event within ${ms} ms`)), ms);
    const handler = (...args) => {
      clearTimeout(timer);
      resolve(args);
    };
    emitter.once(event, handler);
  });
}

/** Rejects after `ms` unless `promise` settles first. */
export function within(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
    }),
  ]);
}

/** Runs the scenario body, closes what it registered, exits 0 on success and 1 on any failure. */
export async function scenario(name, body) {
  const toClose = [];
  const cleanup = (s) => { toClose.push(s); return s; };
  try {
    await body(cleanup);
    log(`PASS ${name}`);
    toClose.forEach((s) => { try { s.close ? s.close() : s.disconnect(); } catch { /* ignore */ } });
    process.exit(0);
  } catch (e) {
    console.error(`FAIL ${name}: ${e && e.stack ? e.stack : e}`);
    toClose.forEach((s) => { try { s.close ? s.close() : s.disconnect(); } catch { /* ignore */ } });
    process.exit(1);
  }
}

export { assert };
