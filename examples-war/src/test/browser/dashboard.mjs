// /dashboard.html (namespace /dashboard): the server pushes a figure every second to room "dashboard".
// Two users: both get figures and count each other in #clients; A pauses (leaves the room) and
// stops receiving while B keeps receiving over the same interval; A resumes and receives again.
import assert from 'node:assert/strict';
import { runPageTest, expectConnected, expectStillOnTransport, waitText, textOf } from './lib.mjs';

const points = async (p) => {
  const t = await textOf(p, '#points');
  assert.match(t ?? '', /^\d+$/, `#points should be a number, it shows ${JSON.stringify(t)}`);
  return parseInt(t, 10);
};

/** The chart canvas must have been drawn on: count pixels that are not fully transparent. */
async function expectChartDrawn(p, label, say) {
  try {
    await p.waitForFunction(() => {
      const cv = document.querySelector('canvas#chart');
      if (!cv || !cv.width || !cv.height) return false;
      const g = cv.getContext('2d');
      if (!g) return false;
      const d = g.getImageData(0, 0, cv.width, cv.height).data;
      for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true;
      return false;
    }, null, { timeout: 5000, polling: 200 });
  } catch (e) {
    const info = await p.evaluate(() => {
      const cv = document.querySelector('canvas#chart');
      return cv ? `canvas ${cv.width}x${cv.height}, 2d context ${cv.getContext('2d') ? 'yes' : 'no'}` : 'no canvas#chart';
    });
    throw new Error(`${label}: the chart canvas stays blank (${info})`);
  }
  const drawn = await p.evaluate(() => {
    const cv = document.querySelector('canvas#chart');
    const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) n++;
    // Chart.js (if the page uses it) also tells how many points it plots.
    let chartPoints = null;
    const C = window.Chart;
    const chart = C && typeof C.getChart === 'function' ? C.getChart(cv) : null;
    if (chart && chart.data && chart.data.datasets && chart.data.datasets[0]) chartPoints = chart.data.datasets[0].data.length;
    return { n, w: cv.width, h: cv.height, chartPoints };
  });
  say(`${label}: canvas ${drawn.w}x${drawn.h} has ${drawn.n} drawn pixels` + (drawn.chartPoints !== null ? `; Chart.js plots ${drawn.chartPoints} points` : ''));
  if (drawn.chartPoints !== null) assert.ok(drawn.chartPoints >= 1, `${label}: the Chart.js chart should plot the pushed figures, it has ${drawn.chartPoints}`);
}

await runPageTest('dashboard', async (ctx) => {
  const { newPage, url, mode, say } = ctx;
  const a = await newPage('A');
  const b = await newPage('B');
  ctx.shotPages = [[a, 'a'], [b, 'b']];
  const pages = [['A', a], ['B', b]];
  await Promise.all([a.goto(url('/dashboard.html')), b.goto(url('/dashboard.html'))]);
  for (const [label, p] of pages) {
    await expectConnected(p, mode, (m) => say(`${label}: ${m}`));
    await waitText(p, '#state', { eqi: 'live' }, `${label}: #state should start "live"`);
  }
  for (const [label, p] of pages) {
    await waitText(p, '#points', { minInt: 2 }, `${label}: the server should push a figure every second`);
    // #clients is the figure's count of sockets on /dashboard: both pages are connected now
    const clients = await waitText(p, '#clients', { minInt: 2 }, `${label}: #clients should count both live pages`, 5000);
    // Socketee's own meters: both pages' sockets are counted, each on one Engine.IO session, and the
    // figures themselves are events written to sockets (two pages, one a second)
    const sockets = await waitText(p, '#sockets', { minInt: 2 }, `${label}: #sockets (socketee.sockets.connected) should count both pages`, 5000);
    const ws = Number(await textOf(p, '#ws'));
    const polling = Number(await textOf(p, '#polling'));
    assert.ok(ws + polling >= 2, `${label}: websocket ${ws} + polling ${polling} sessions should count both pages`);
    const out = await waitText(p, '#eout', { minInt: 1 }, `${label}: #eout (socketee.events.out per second) should count the pushed figures`, 5000);
    say(`${label}: #points reached ${await points(p)}, #clients ${clients}; meters: sockets ${sockets}, sessions ${ws} websocket / ${polling} polling, events out/s ${out}`);
  }
  for (const [label, p] of pages) await expectChartDrawn(p, label, say);

  await a.click('#pause');
  await waitText(a, '#state', { eqi: 'paused' }, 'A: #state should read "paused" after clicking #pause');
  const pauseLabel = await textOf(a, '#pause');
  assert.match(pauseLabel ?? '', /resume/i, `A: #pause should now read "resume", it reads ${JSON.stringify(pauseLabel)}`);
  const aAtPause = await points(a);
  const bAtPause = await points(b);
  say(`A paused at #points ${aAtPause} (#pause reads ${JSON.stringify(pauseLabel)}); B is at ${bAtPause}`);
  // The absence of pushes to A is measured against B, which the same publisher keeps feeding.
  await waitText(b, '#points', { minInt: bAtPause + 3 }, 'B (live) should keep receiving figures while A is paused', 8000);
  const aAfter = await points(a);
  const bAfter = await points(b);
  assert.ok(aAfter <= aAtPause + 1, `while paused A's #points went from ${aAtPause} to ${aAfter} while B's went from ${bAtPause} to ${bAfter}`);
  assert.equal((await textOf(b, '#state') ?? '').toLowerCase(), 'live', 'B must stay "live" while A is paused');
  // A is paused but still connected: B goes on counting it
  const bClients = await waitText(b, '#clients', { minInt: 2 }, 'B: #clients should still count the paused but connected A');
  say(`over the same interval B grew ${bAtPause} -> ${bAfter} (+${bAfter - bAtPause}) and A ${aAtPause} -> ${aAfter} (+${aAfter - aAtPause}, at most 1 allowed); B #state live, #clients ${bClients}`);

  await a.click('#pause');
  await waitText(a, '#state', { eqi: 'live' }, 'A: #state should read "live" after resuming');
  await waitText(a, '#points', { minInt: aAfter + 1 }, 'A: #points should grow again after resuming', 5000);
  await waitText(a, '#points', { minInt: aAfter + 2 }, 'A: #points should keep growing after resuming', 5000);
  const aClients = await waitText(a, '#clients', { minInt: 2 }, 'A: #clients should count both pages after resuming');
  const bNow = await points(b);
  assert.ok(bNow > bAfter, `B should have kept receiving, #points ${bAfter} -> ${bNow}`);
  say(`A resumed: #state live, #points grew to ${await points(a)}, #clients ${aClients}; B at ${bNow}`);
  for (const [label, p] of pages) await expectStillOnTransport(p, mode, (m) => say(`${label}: ${m}`));
});
