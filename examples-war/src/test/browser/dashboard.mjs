// /dashboard.html (namespace /dashboard): server pushes a figure every second into a chart; pause/resume.
import assert from 'node:assert/strict';
import { runPageTest, expectConnected, expectStillOnTransport, waitText, textOf } from './lib.mjs';

const points = async (p) => {
  const t = await textOf(p, '#points');
  assert.match(t ?? '', /^\d+$/, `#points should be a number, it shows ${JSON.stringify(t)}`);
  return parseInt(t, 10);
};

await runPageTest('dashboard', async ({ newPage, url, mode, say }) => {
  const p = await newPage('page');
  await p.goto(url('/dashboard.html'));
  await expectConnected(p, mode, say);
  await waitText(p, '#state', { eqi: 'live' }, '#state should start "live"');
  await waitText(p, '#points', { minInt: 2 }, 'the server should push a figure every second');
  say(`#points reached ${await points(p)}`);

  // The chart canvas must have been drawn on: count pixels that are not fully transparent.
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
    throw new Error(`the chart canvas stays blank (${info})`);
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
  say(`canvas ${drawn.w}x${drawn.h} has ${drawn.n} drawn pixels` + (drawn.chartPoints !== null ? `; Chart.js plots ${drawn.chartPoints} points` : ''));
  if (drawn.chartPoints !== null) assert.ok(drawn.chartPoints >= 1, `the Chart.js chart should plot the pushed figures, it has ${drawn.chartPoints}`);

  await p.click('#pause');
  await waitText(p, '#state', { eqi: 'paused' }, '#state should read "paused" after clicking #pause');
  const pauseLabel = await textOf(p, '#pause');
  assert.match(pauseLabel ?? '', /resume/i, `#pause should now read "resume", it reads ${JSON.stringify(pauseLabel)}`);
  const atPause = await points(p);
  say(`paused at #points ${atPause}; #pause reads ${JSON.stringify(pauseLabel)}`);
  // The one fixed wait: proving the *absence* of pushes takes time.
  await p.waitForTimeout(2500);
  const afterWait = await points(p);
  assert.ok(afterWait <= atPause + 1, `while paused #points went from ${atPause} to ${afterWait} in 2.5 s`);
  say(`after 2.5 s paused #points is ${afterWait} (grew by ${afterWait - atPause}, at most 1 allowed)`);

  await p.click('#pause');
  await waitText(p, '#state', { eqi: 'live' }, '#state should read "live" after resuming');
  await waitText(p, '#points', { minInt: afterWait + 1 }, '#points should grow again after resuming', 5000);
  await waitText(p, '#points', { minInt: afterWait + 2 }, '#points should keep growing after resuming', 5000);
  say(`resumed: #state live, #points grew to ${await points(p)}`);
  await expectStillOnTransport(p, mode, say);
});
