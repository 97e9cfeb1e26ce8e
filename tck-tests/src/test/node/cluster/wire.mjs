// JSON lines between the cluster test helpers and the Java tests. Binary (a Buffer, an ArrayBuffer, a
// typed array) travels as {"$bin": "<base64>"}, anywhere in a value; everything else is plain JSON.
import { createInterface } from "node:readline";

export function toWire(value) {
  if (Buffer.isBuffer(value)) return { $bin: value.toString("base64") };
  if (value instanceof ArrayBuffer) return { $bin: Buffer.from(value).toString("base64") };
  if (ArrayBuffer.isView(value)) return { $bin: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64") };
  if (value instanceof Set) return [...value].map(toWire);
  if (Array.isArray(value)) return value.map(toWire);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v !== "function").map(([k, v]) => [k, toWire(v)]));
  }
  return value;
}

export function fromWire(value) {
  if (Array.isArray(value)) return value.map(fromWire);
  if (value && typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === "$bin") return Buffer.from(value.$bin, "base64");
    return Object.fromEntries(keys.map((k) => [k, fromWire(value[k])]));
  }
  return value;
}

/** One line on stdout: `<TAG> <json>`. */
export function say(tag, value) {
  process.stdout.write(value === undefined ? `${tag}\n` : `${tag} ${JSON.stringify(toWire(value))}\n`);
}

/**
 * Runs `handle(command)` for every JSON line on stdin and answers `RESULT {"id", "result"}` or
 * `RESULT {"id", "error"}`; the process exits when stdin closes (its Java owner is gone).
 */
export function serveCommands(handle, onEnd) {
  const lines = createInterface({ input: process.stdin });
  lines.on("line", async (line) => {
    if (!line.trim()) return;
    let command;
    try {
      command = fromWire(JSON.parse(line));
      const result = await handle(command);
      say("RESULT", { id: command.id, result: result === undefined ? null : result });
    } catch (e) {
      say("RESULT", { id: command?.id ?? null, error: String(e && e.message ? e.message : e) });
    }
  });
  lines.on("close", () => onEnd());
}
