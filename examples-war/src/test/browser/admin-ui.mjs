// The official Socket.IO Admin UI (npm @socket.io/admin-ui 0.5.1's own ui/dist, served by the WAR at
// /admin-ui/) against the server's admin namespace: a wrong password is refused on the login form;
// with the right one the UI lists a node.js socket.io-client 4.8 socket with its room, shows its
// events, shows its upgrade to WebSocket, and its disconnect button disconnects that client.
//
//   node admin-ui.mjs BASEURL MODE SHOTDIR     (MODE is accepted for symmetry; the UI uses its defaults)
//
// Screenshots: admin-ui-<mode>-login-refused.png, -sockets.png, -socket.png, -events.png, -dashboard.png.
import assert from 'node:assert/strict';
import { io } from 'socket.io-client';
import { runPageTest, tag, STEP_TIMEOUT_MS } from './lib.mjs';

const USERNAME = 'admin';
const PASSWORD = 'socketee'; // examples-war's WEB-INF/web.xml holds its bcrypt hash

/** Resolves with the first value the emitter gives for that event, or fails after the step timeout. */
function once(emitter, event, what) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what}: no "${event}" within ${STEP_TIMEOUT_MS} ms`)), STEP_TIMEOUT_MS);
    emitter.once(event, (...args) => {
      clearTimeout(t);
      resolve(args);
    });
  });
}

/** Waits until no Vue transition runs (a screenshot mid-slide shows faded cards). */
async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('[class*="-enter-active"], [class*="-leave-active"]'), null, { polling: 100 });
}

await runPageTest('admin-ui', async (ctx) => {
  const { base, newPage, say } = ctx;
  const snap = async (page, why, suffix) => {
    await settled(page);
    await ctx.snap(page, why, suffix);
  };
  const url = new URL(base);
  const contextPath = url.pathname.replace(/\/+$/, '');
  const enginePath = `${contextPath}/socket.io`;

  const page = await newPage('admin');
  await page.setViewportSize({ width: 1400, height: 900 });
  // the UI's index.html links a web font and an icon font on public CDNs: not on a closed network
  await page.route(/fonts\.googleapis\.com|cdn\.jsdelivr\.net/, (r) => r.abort());

  const login = async (password) => {
    await page.goto(`${base}/admin-ui/`);
    await page.getByLabel('Server URL').fill(url.origin);
    await page.getByLabel('Username').fill(USERNAME);
    await page.getByLabel('Password').fill(password);
    await page.getByText('Advanced options').click();
    await page.getByLabel('Path').fill(enginePath);
    await page.getByRole('button', { name: 'Connect' }).click();
  };

  await login('not-the-password');
  await page.getByText('Invalid credentials').or(page.getByText('invalid credentials')).first().waitFor();
  say('a wrong password: the login form says "invalid credentials"');
  await snap(page, 'wrong password refused', 'login-refused');

  await login(PASSWORD);
  await page.locator('.v-dialog--active').waitFor({ state: 'detached' });
  say('logged in with the right password');

  // a node.js client, after the admin so the UI sees it connect, join and talk
  const t = tag();
  const room = `room_${t}`;
  // default transports: it connects on polling and upgrades, which the UI learns (socket_updated)
  const client = io(`${url.origin}/rooms`, { path: enginePath, reconnection: false });
  const upgraded = once(client.io, 'open', 'node client engine').then(() => client.io.engine.transport.name === 'websocket'
    ? 'websocket' : once(client.io.engine, 'upgrade', 'node client upgrade').then(([t]) => t.name));
  await once(client, 'connect', 'node client');
  const id = client.id; // gone from the client once it is disconnected
  say(`node client connected to /rooms as ${id}`);
  try {
    const entered = once(client, 'status', 'node client join');
    client.emit('join', { name: `Nod_${t}`, room });
    say(`node client: ${(await entered)[0]}`);
    client.emit('text', { name: `Nod_${t}`, room, message: `hello ${t}` });
    await once(client, 'message', 'node client message');

    // The UI learns the namespaces from the server's stats (every 2 s): a menu opened before /rooms was
    // in them did not pick it up when it came (CI on Liberty: the item shown, never matched as the open
    // menu's for 10 s). So the menu is opened again until /rooms can be picked from it.
    const chooseRooms = async () => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        await page.locator('.v-select', { hasText: 'Select namespace' }).first().click();
        try {
          await page.locator('.menuable__content__active .v-list-item', { hasText: '/rooms' }).first().click({ timeout: 3_000 });
          return;
        } catch (e) {
          if (Date.now() > deadline) throw e;
          say('the namespace menu had no /rooms yet: opening it again');
          await page.keyboard.press('Escape');
        }
      }
    };

    await page.evaluate(() => { location.hash = '#/sockets/'; });
    await chooseRooms();
    const row = page.locator('tr', { hasText: id });
    await row.waitFor();
    assert.equal(await upgraded, 'websocket');
    await row.filter({ hasText: 'WebSocket' }).waitFor();
    say(`the Sockets view lists ${id}, on WebSocket once its connection upgraded`);
    await snap(page, 'sockets of /rooms', 'sockets');

    await page.evaluate(([nsp, id]) => { location.hash = `#/n/${encodeURIComponent(nsp)}/sockets/${id}`; }, ['/rooms', id]);
    await page.locator('td', { hasText: room }).first().waitFor();
    say(`the socket's page shows its room ${room}`);
    await snap(page, 'socket details with rooms', 'socket');

    await page.evaluate(() => { location.hash = '#/events/'; });
    await chooseRooms();
    await page.locator('tr', { hasText: 'Event received' }).filter({ hasText: 'text' }).first().waitFor();
    await page.locator('tr', { hasText: 'Event sent' }).filter({ hasText: 'message' }).first().waitFor();
    await page.locator('tr', { hasText: 'Room joined' }).filter({ hasText: room }).first().waitFor();
    say('the Events view shows the event received ("text"), the events sent ("message") and the room joined');
    await snap(page, 'events of /rooms', 'events');

    await page.evaluate(() => { location.hash = '#/sockets/'; });
    await chooseRooms();
    const gone = once(client, 'disconnect', 'node client disconnect');
    await page.locator('tr', { hasText: id }).locator('button').first().click();
    const [reason] = await gone;
    assert.equal(reason, 'io server disconnect', 'the UI\'s disconnect reaches the client as a server-side disconnect');
    say(`the UI's disconnect button disconnected the node client (${reason})`);
    await page.evaluate(() => { location.hash = '#/sockets/'; });
    await chooseRooms();
    await page.locator('tr', { hasText: id }).waitFor({ state: 'detached' });
    say('and the socket left the Sockets view');

    await page.evaluate(() => { location.hash = '#/'; });
    await page.getByText('Servers').first().waitFor();
    await snap(page, 'dashboard', 'dashboard');
  } finally {
    client.close();
  }
});
