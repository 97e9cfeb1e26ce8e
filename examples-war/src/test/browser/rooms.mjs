// /rooms.html (namespace /rooms): A and B in room r1, C in room r2.
import assert from 'node:assert/strict';
import { runPageTest, expectConnected, expectStillOnTransport, waitItem, itemsOf, tag } from './lib.mjs';

await runPageTest('rooms', async (ctx) => {
  const { newPage, url, mode, say } = ctx;
  const t = tag();
  const nameA = `Ann_${t}`;
  const nameB = `Bob_${t}`;
  const nameC = `Cat_${t}`;
  const a = await newPage('A');
  const b = await newPage('B');
  const c = await newPage('C');
  ctx.shotPage = b;
  await Promise.all([a, b, c].map((p) => p.goto(url('/rooms.html'))));
  for (const [label, p] of [['A', a], ['B', b], ['C', c]]) {
    await expectConnected(p, mode, (m) => say(`${label}: ${m}`));
  }

  const join = async (p, name, room) => {
    await p.fill('#name', name);
    await p.fill('#room', room);
    await p.click('#join');
  };

  await join(b, nameB, 'r1');
  // the status line goes to every member of the room, the new one included
  await waitItem(b, '#messages', `${nameB} has entered the room.`, 'B should be told that it entered r1');
  say(`B joined r1 as ${nameB} and sees "${nameB} has entered the room."`);
  await join(a, nameA, 'r1');
  say(`A joined r1 as ${nameA}`);
  await waitItem(b, '#messages', `${nameA} has entered the room.`, 'B (in r1) should be told that A entered');
  say(`B sees "${nameA} has entered the room."`);
  await join(c, nameC, 'r2');
  await waitItem(c, '#messages', `${nameC} has entered the room.`, 'C should be told that it entered r2');
  say(`C joined r2 as ${nameC} and sees "${nameC} has entered the room."`);

  const r1msg = `hello r1 ${t}`;
  await a.fill('#message', r1msg);
  await a.click('#send');
  await waitItem(a, '#messages', `${nameA}: ${r1msg}`, 'A should see its own room message');
  await waitItem(b, '#messages', `${nameA}: ${r1msg}`, 'B (same room) should see A\'s message');
  say(`A's "${nameA}: ${r1msg}" reached A and B`);

  // C's own room message arrives after anything the server had already sent to C,
  // so once C sees it, C's list proves whether A's earlier message leaked to r2.
  const r2msg = `hello r2 ${t}`;
  await c.fill('#message', r2msg);
  await c.click('#send');
  await waitItem(c, '#messages', `${nameC}: ${r2msg}`, 'C should see its own room message');
  const cItems = await itemsOf(c, '#messages');
  const leakedToC = cItems.filter((x) => x.includes(nameA) || x.includes(nameB) || x.includes(r1msg));
  assert.deepEqual(leakedToC, [], `C (in r2) must get nothing from r1; its list: ${JSON.stringify(cItems)}`);
  say(`C's list holds only r2 lines: ${JSON.stringify(cItems)}`);

  // Same argument the other way: B's next r1 message reaches A after anything sent to A before it.
  const r1msg2 = `again r1 ${t}`;
  await b.fill('#message', r1msg2);
  await b.click('#send');
  await waitItem(a, '#messages', `${nameB}: ${r1msg2}`, 'A should see B\'s message');
  await waitItem(b, '#messages', `${nameB}: ${r1msg2}`, 'B should see its own message');
  for (const [label, p] of [['A', a], ['B', b]]) {
    const items = await itemsOf(p, '#messages');
    assert.ok(!items.some((x) => x.includes(r2msg) || x.includes(nameC)), `${label} (in r1) must get nothing from r2; its list: ${JSON.stringify(items)}`);
  }
  say(`B's "${nameB}: ${r1msg2}" reached A and B; neither got C's r2 message`);

  await a.click('#leave');
  await waitItem(b, '#messages', `${nameA} has left the room.`, 'B should be told that A left');
  say(`A left; B sees "${nameA} has left the room."`);
  const cFinal = await itemsOf(c, '#messages');
  assert.ok(!cFinal.some((x) => x.includes(nameA)), `C must not hear about A leaving r1: ${JSON.stringify(cFinal)}`);
  say('C heard nothing about A leaving r1');
  await expectStillOnTransport(b, mode, (m) => say(`B: ${m}`));
});
