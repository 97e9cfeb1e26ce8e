// /test.html (namespace /test): the server's greeting and three echoed emits.
import assert from 'node:assert/strict';
import { runPageTest, expectConnected, expectStillOnTransport, waitText, textOf, tag } from './lib.mjs';

await runPageTest('test-namespace', async ({ newPage, url, mode, say }) => {
  const p = await newPage('page');
  await p.goto(url('/test.html'));
  await expectConnected(p, mode, say);
  await waitText(p, '#log', { includes: 'Received #0: Server connected' }, 'the server greeting should be logged on load');
  say('#log has "Received #0: Server connected"');

  const t = tag();
  for (let i = 1; i <= 3; i++) {
    const text = `ping ${i} ${t}`;
    await p.fill('#emit-data', text);
    await p.click('#emit');
    await waitText(p, '#log', { includes: `Received #${i}: ${text}` }, `emit ${i} should come back`);
    say(`emit ${i}: #log has "Received #${i}: ${text}"`);
  }
  const count = await waitText(p, '#count', { eq: '3' }, '#count should show 3 after three emits');
  assert.equal(count, '3');
  const logText = await textOf(p, '#log');
  assert.ok(!logText.includes('Received #4'), `no fourth reply expected: ${JSON.stringify(logText)}`);
  say('#count shows 3 and nothing beyond "Received #3" was logged');
  await expectStillOnTransport(p, mode, say);
});
