// socket.io-client 4.8 on Node.js over TLS against the examples WAR on the runner, trusting
// exactly the runner's certificate (its PEM file as `ca`; no rejectUnauthorized:false).
//   node wss-client.cjs HTTPS_BASE_URL PEM_FILE websocket|polling|default
// /test: my_event is answered with my_response, which this client acknowledges (server -> client
// ack); /dashboard: pause is acknowledged with "paused" (client -> server ack). Prints one
// line per step; exit 0 when all passed. Resolved from the examples' frontend node_modules
// (NODE_PATH), where the WAR's browser copy of socket.io-client comes from.
const fs = require('node:fs');
const assert = require('node:assert/strict');
const { io } = require('socket.io-client');

const [base, pemFile, mode] = process.argv.slice(2);
const ca = fs.readFileSync(pemFile);
const transports = mode === 'websocket' ? ['websocket'] : mode === 'polling' ? ['polling'] : ['polling', 'websocket'];
const options = { ca, transports, reconnection: false, timeout: 10000, forceNew: true };
const say = (m) => console.log(`[${mode}] ${m}`);
setTimeout(() => { console.error(`[${mode}] timed out`); process.exit(1); }, 30000).unref();

function connected(socket) {
  return new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', (e) => reject(new Error(`connect_error: ${e.message} ${e.description?.message ?? ''}`)));
  });
}

async function onTransport(socket) {
  const engine = socket.io.engine;
  if (mode === 'default' && engine.transport.name !== 'websocket') {
    await new Promise((resolve) => engine.once('upgrade', resolve));
  }
  return engine.transport.name;
}

(async () => {
  const test = io(new URL('test', base).href, options);
  const greeting = new Promise((resolve) => test.once('my_response', resolve));
  await connected(test);
  assert.equal((await greeting).data, 'Server connected');
  const transport = await onTransport(test);
  assert.equal(transport, mode === 'polling' ? 'polling' : 'websocket');
  say(`/test connected over ${base.startsWith('https:') ? 'TLS' : 'plain'} on ${transport}`);

  const answered = new Promise((resolve) => test.once('my_response', (msg, ack) => { ack(); resolve(msg); }));
  test.emit('my_event', { data: `hello over ${transport}` });
  const msg = await answered;
  assert.deepEqual(msg, { data: `hello over ${transport}`, count: 1 });
  say(`my_response ${JSON.stringify(msg)} acknowledged`);

  const dashboard = io(new URL('dashboard', base).href, options);
  await connected(dashboard);
  const reply = await dashboard.timeout(10000).emitWithAck('pause');
  assert.equal(reply, 'paused');
  say(`pause acknowledged with ${JSON.stringify(reply)}`);

  test.disconnect();
  dashboard.disconnect();
  say('passed');
  process.exit(0);
})().catch((e) => { console.error(`[${mode}] FAILED: ${e.stack}`); process.exit(1); });
