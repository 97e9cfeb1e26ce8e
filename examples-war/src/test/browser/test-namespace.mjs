// /test.html (namespace /test): two users, each with its own per-socket counter.
// A emits three times, B once: A's #count and #log reach 3 while B's stay at 1, so the
// count lives in each socket's session, not in a shared server-side counter.
import assert from 'node:assert/strict';
import { runPageTest, expectConnected, expectStillOnTransport, waitText, waitItem, itemsOf, textOf, tag } from './lib.mjs';

await runPageTest('test-namespace', async (ctx) => {
  const { newPage, url, mode, say } = ctx;
  const a = await newPage('A');
  const b = await newPage('B');
  ctx.shotPages = [[a, 'a'], [b, 'b']];
  await Promise.all([a.goto(url('/test.html')), b.goto(url('/test.html'))]);
  const pages = [['A', a], ['B', b]];
  for (const [label, p] of pages) {
    await expectConnected(p, mode, (m) => say(`${label}: ${m}`));
    await waitItem(p, '#log', 'Received #0: Server connected', `${label}: the server greeting should be logged on load`);
  }
  say('A and B: #log has "Received #0: Server connected"');

  const t = tag();
  const sent = { A: [], B: [] };
  const emit = async (label, p, expectCount) => {
    const text = `${label} ping ${sent[label].length + 1} ${t}`;
    sent[label].push(text);
    await p.fill('#emit-data', text);
    await p.click('#emit');
    await waitItem(p, '#log', `Received #${expectCount}: ${text}`, `${label}: its emit should come back as #${expectCount}`);
    await waitText(p, '#count', { eq: String(expectCount) }, `${label}: #count should follow its own counter`);
    say(`${label} emitted ${JSON.stringify(text)}: its #log has "Received #${expectCount}: ${text}", #count ${expectCount}`);
  };
  // interleaved: A 1, B 1, A 2, A 3 (a shared counter would give B #2 and A #4)
  await emit('A', a, 1);
  await emit('B', b, 1);
  await emit('A', a, 2);
  await emit('A', a, 3);

  const expectLog = async (label, p, texts) => {
    const want = ['Received #0: Server connected', ...texts.map((x, i) => `Received #${i + 1}: ${x}`)];
    const items = await itemsOf(p, '#log');
    assert.deepEqual(items, want, `${label}'s #log should hold exactly its own replies in its own count`);
  };
  // Both read after A's third reply: B's page is still at 1 at the same moment.
  const [countA, countB] = [await textOf(a, '#count'), await textOf(b, '#count')];
  assert.equal(countA, '3', `A's #count should be 3, it shows ${JSON.stringify(countA)}`);
  assert.equal(countB, '1', `B's #count should still be 1 while A is at 3, it shows ${JSON.stringify(countB)}`);
  await expectLog('A', a, sent.A);
  await expectLog('B', b, sent.B);
  say('at the same moment: A #count 3 (log #0..#3, only A\'s texts), B #count 1 (log #0..#1, only B\'s text)');

  // B goes on from its own 1, not from A's 3
  await emit('B', b, 2);
  await expectLog('B', b, sent.B);
  await expectLog('A', a, sent.A);
  assert.equal(await textOf(a, '#count'), '3', 'A\'s #count must not move when B emits');
  say('B\'s next emit is its #2; A still shows #count 3 and got nothing of B\'s');
  for (const [label, p] of pages) await expectStillOnTransport(p, mode, (m) => say(`${label}: ${m}`));
});
