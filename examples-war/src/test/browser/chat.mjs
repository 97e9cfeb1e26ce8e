// /chat.html (namespace /chat): a message sent in one browser appears in both. With two base URLs
// (or routing cookies) page A is on the first server and page B on the second: a cluster's chat.
import assert from 'node:assert/strict';
import { runPageTest, expectConnected, expectStillOnTransport, waitItem, itemsOf, tag } from './lib.mjs';

await runPageTest('chat', async (ctx) => {
  const { newPage, url, mode, say } = ctx;
  const a = await newPage('A');
  const b = await newPage('B');
  if (ctx.spread) ctx.shotPages = [[a, 'a'], [b, 'b']];
  await Promise.all([a.goto(url('/chat.html', 0)), b.goto(url('/chat.html', 1))]);
  say(`A on ${a.url()}, B on ${b.url()}`);
  await expectConnected(a, mode, (m) => say(`A: ${m}`));
  await expectConnected(b, mode, (m) => say(`B: ${m}`));

  const t = tag();
  const fromA = `hello from A ${t}`;
  await a.fill('#message', fromA);
  await a.click('#send');
  await waitItem(a, '#messages', fromA, 'A should see its own message');
  await waitItem(b, '#messages', fromA, 'B should see the message A sent');
  say(`A sent ${JSON.stringify(fromA)}: an <li> with it shows in A and in B`);

  const fromB = `reply from B ${t}`;
  await b.fill('#message', fromB);
  await b.click('#send');
  await waitItem(b, '#messages', fromB, 'B should see its own message');
  await waitItem(a, '#messages', fromB, 'A should see the message B sent');
  say(`B sent ${JSON.stringify(fromB)}: an <li> with it shows in A and in B`);

  for (const [label, p] of [['A', a], ['B', b]]) {
    const items = await itemsOf(p, '#messages');
    assert.equal(items.filter((x) => x.includes(fromA)).length, 1, `${label} should show A's message exactly once: ${JSON.stringify(items)}`);
    assert.equal(items.filter((x) => x.includes(fromB)).length, 1, `${label} should show B's message exactly once: ${JSON.stringify(items)}`);
    assert.ok(items.findIndex((x) => x.includes(fromA)) < items.findIndex((x) => x.includes(fromB)), `${label} should list A's message before B's: ${JSON.stringify(items)}`);
  }
  say('each message is listed exactly once per page, in order');
  await expectStillOnTransport(a, mode, (m) => say(`A: ${m}`));
});
