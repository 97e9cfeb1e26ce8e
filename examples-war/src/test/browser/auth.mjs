// /auth.html (namespace /secure): two users in separate browser contexts (separate HTTP sessions).
// A logs in as alice while B, at the same time, stays anonymous and is refused; then B logs in as
// bob and A still is alice; A logs out and B stays bob.
import assert from 'node:assert/strict';
import { runPageTest, expectConnected, waitText, textOf } from './lib.mjs';

/**
 * Clicks sel (a submit button or a link) and waits for the main frame's next document.
 * If no navigation happens the assertions that follow decide; that is only logged.
 */
async function navigatingClick(p, sel, say) {
  const navigated = p.waitForEvent('framenavigated', { predicate: (f) => f === p.mainFrame(), timeout: 8000 }).then(() => true, () => false);
  await p.click(sel);
  if (await navigated) await p.waitForLoadState('domcontentloaded');
  else say(`(clicking ${sel} did not load a new document)`);
}

async function expectRefused(p, say, when) {
  const err = await waitText(p, '#error', { eq: 'Please log in first' }, `#error should show exactly the connect_error message ${when}`);
  assert.equal(err, 'Please log in first');
  const status = await textOf(p, '#status');
  assert.notEqual((status ?? '').toLowerCase(), 'connected', `#status must not read "connected" ${when}`);
  const greetingVisible = await p.locator('#greeting').isVisible().catch(() => false);
  const greeting = await textOf(p, '#greeting');
  assert.ok(!(greetingVisible && /Hello/.test(greeting ?? '')), `no greeting expected ${when}, #greeting shows ${JSON.stringify(greeting)}`);
  say(`${when}: #error ${JSON.stringify(err)}, #status ${JSON.stringify(status)}`);
}

/** Logs p in as user (password "secret") and checks the greeting, the connection and an empty #error. */
async function login(p, user, url, mode, say) {
  await p.fill('#username', user);
  await p.fill('#password', 'secret');
  await navigatingClick(p, '#login', say);
  say(`logged in as ${user}/secret; redirected to ${p.url()}`);
  await waitText(p, '#greeting', { eq: `Hello, ${user}!` }, `#greeting after ${user}'s login`);
  if (mode === 'polling' && !p.url().includes('transport=polling')) {
    say('(the redirect dropped ?transport=polling; opening the page again with it)');
    await p.goto(url('/auth.html'));
    await waitText(p, '#greeting', { eq: `Hello, ${user}!` }, `#greeting for ${user} on reload with ?transport=polling`);
  }
  await expectConnected(p, mode, say);
  await expectNoError(p, `${user} is logged in`);
  say(`#greeting "Hello, ${user}!" and #error empty`);
}

async function expectNoError(p, when) {
  const err = (await textOf(p, '#error')) ?? '';
  const errVisible = await p.locator('#error').isVisible().catch(() => false);
  assert.ok(!(errVisible && err.length > 0), `#error should be empty or hidden once ${when}, it shows ${JSON.stringify(err)}`);
}

/** Reloads p (a new Socket.IO handshake with the context's cookies) and waits for the greeting. */
async function expectGreetedAfterReload(p, user, mode, say) {
  await p.reload();
  await waitText(p, '#greeting', { eq: `Hello, ${user}!` }, `#greeting for ${user} after a reload`);
  await expectConnected(p, mode, say);
  await expectNoError(p, `${user} reloaded`);
  say(`after a reload still "Hello, ${user}!"`);
}

await runPageTest('auth', async (ctx) => {
  const { newPage, url, mode, say } = ctx;
  const a = await newPage('A');
  const b = await newPage('B');
  ctx.shotPages = [[a, 'a'], [b, 'b']];
  const sayA = (m) => say(`A: ${m}`);
  const sayB = (m) => say(`B: ${m}`);
  await Promise.all([a.goto(url('/auth.html')), b.goto(url('/auth.html'))]);
  await expectRefused(a, sayA, 'when anonymous');
  await expectRefused(b, sayB, 'when anonymous');

  await a.fill('#username', 'alice');
  await a.fill('#password', 'wrong');
  await navigatingClick(a, '#login', sayA);
  sayA(`tried alice/wrong; now at ${a.url()}`);
  await expectRefused(a, sayA, 'after a wrong password');

  await login(a, 'alice', url, mode, sayA);

  // B's next handshake, after alice's login, carries B's own (anonymous) session: still refused.
  await b.reload();
  await expectRefused(b, sayB, 'reloaded while A is logged in as alice');
  assert.equal(await textOf(a, '#greeting'), 'Hello, alice!', 'A should still greet alice while B is refused');
  assert.equal((await textOf(a, '#status') ?? '').toLowerCase(), 'connected', 'A should stay connected while B is refused');
  say('at the same time: A "Hello, alice!" (connected), B #error "Please log in first"');

  await login(b, 'bob', url, mode, sayB);
  assert.equal(await textOf(a, '#greeting'), 'Hello, alice!', 'A should still greet alice after bob logged in');
  // a new handshake of A: bob's login did not touch alice's session
  await expectGreetedAfterReload(a, 'alice', mode, sayA);
  assert.equal(await textOf(b, '#greeting'), 'Hello, bob!', 'B should still greet bob');
  say('at the same time: A "Hello, alice!", B "Hello, bob!"');
  await ctx.snap(a, 'alice logged in', 'a');
  await ctx.snap(b, 'bob logged in', 'b');

  await navigatingClick(a, '#logout', sayA);
  sayA(`logged out; now at ${a.url()}`);
  await expectRefused(a, sayA, 'after logout');
  // alice's logout ended only A's session
  await expectGreetedAfterReload(b, 'bob', mode, sayB);
  say('after A logged out: A refused, B (reloaded) still "Hello, bob!"');
});
