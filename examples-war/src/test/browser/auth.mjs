// /auth.html (namespace /secure): anonymous connect is refused; login as alice; logout.
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
  const err = await waitText(p, '#error', { eq: 'Please log in first' }, `#error should show the connect_error message ${when}`);
  assert.equal(err, 'Please log in first');
  const status = await textOf(p, '#status');
  assert.notEqual((status ?? '').toLowerCase(), 'connected', `#status must not read "connected" ${when}`);
  const greetingVisible = await p.locator('#greeting').isVisible().catch(() => false);
  const greeting = await textOf(p, '#greeting');
  assert.ok(!(greetingVisible && /alice/.test(greeting ?? '')), `no greeting for alice expected ${when}, #greeting shows ${JSON.stringify(greeting)}`);
  say(`${when}: #error ${JSON.stringify(err)}, #status ${JSON.stringify(status)}`);
}

await runPageTest('auth', async (ctx) => {
  const { newPage, url, mode, say } = ctx;
  const p = await newPage('page');
  await p.goto(url('/auth.html'));
  await expectRefused(p, say, 'when anonymous');

  await p.fill('#username', 'alice');
  await p.fill('#password', 'wrong');
  await navigatingClick(p, '#login', say);
  say(`tried alice/wrong; now at ${p.url()}`);
  await expectRefused(p, say, 'after a wrong password');

  await p.fill('#username', 'alice');
  await p.fill('#password', 'secret');
  await navigatingClick(p, '#login', say);
  say(`logged in as alice/secret; redirected to ${p.url()}`);
  await waitText(p, '#greeting', { eq: 'Hello, alice!' }, '#greeting after login');
  say('#greeting "Hello, alice!" after the redirect');

  if (mode === 'polling' && !p.url().includes('transport=polling')) {
    // The login redirect does not keep the query; open the page again in polling mode.
    say('(the redirect dropped ?transport=polling; opening the page again with it)');
    await p.goto(url('/auth.html'));
    await waitText(p, '#greeting', { eq: 'Hello, alice!' }, '#greeting on reload with ?transport=polling');
  }
  await expectConnected(p, mode, say);
  const err = (await textOf(p, '#error')) ?? '';
  const errVisible = await p.locator('#error').isVisible().catch(() => false);
  assert.ok(!(errVisible && err.length > 0), `#error should be empty or hidden once logged in, it shows ${JSON.stringify(err)}`);
  await ctx.snap(p, 'logged in');

  await navigatingClick(p, '#logout', say);
  say(`logged out; now at ${p.url()}`);
  await expectRefused(p, say, 'after logout');
});
