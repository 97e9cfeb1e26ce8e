// Shared harness for the example-page browser tests.
// Drives Debian's /usr/bin/chromium (headless) through playwright-core; no browser download.
//
// Every page script is run as:  node <page>.mjs BASEURL MODE SHOTDIR
//   BASEURL  e.g. http://127.0.0.1:8080 (a context path may follow: http://host:port/ctx), or
//            several, comma-separated, one per page for pages spread over servers (a cluster):
//            url(path, i) is on the i-th (the last one for the pages beyond)
//   MODE     "default" (engine upgrades to websocket) or "polling" (page URL gets ?transport=polling)
//   SHOTDIR  directory that receives <page>-<mode>.png
// PAGE_COOKIES (environment, optional): comma-separated name=value, the i-th set in the browser
//   context of the i-th page opened before it loads anything (e.g. a proxy's routing cookie)
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const GLOBAL_TIMEOUT_MS = Number(process.env.BROWSER_TEST_TIMEOUT_MS || 30000);
export const STEP_TIMEOUT_MS = 10000;

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Without the background-networking flags Chromium tries to reach Google services
// and, on a closed network, its connections are refused. Playwright gives every
// launch a fresh temporary --user-data-dir of its own (and removes it on close).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function parseArgs(name) {
  const [arg, mode = 'default', shotDir = '.'] = process.argv.slice(2);
  const bases = parseBases(arg);
  if (!bases || !['default', 'polling'].includes(mode)) {
    console.error(`usage: node ${name}.mjs BASEURL[,BASEURL...] default|polling SHOTDIR`);
    process.exit(2);
  }
  return { base: bases[0], bases, mode, shotDir };
}

/** The comma-separated base URLs of the argument, without trailing slashes; null when one is not http(s). */
function parseBases(arg) {
  const bases = (arg || '').split(',').map((b) => b.trim().replace(/\/+$/, ''));
  return bases.every((b) => /^https?:\/\//.test(b)) ? bases : null;
}

/** PAGE_COOKIES as [{ name, value }, ...], one per page in the order pages are opened. */
function pageCookies() {
  return (process.env.PAGE_COOKIES || '').split(',').filter((c) => c.trim()).map((c) => {
    const eq = c.indexOf('=');
    if (eq <= 0) throw new Error(`PAGE_COOKIES: ${JSON.stringify(c)} is not name=value`);
    return { name: c.slice(0, eq).trim(), value: c.slice(eq + 1).trim() };
  });
}

export function pageUrl(base, path, mode) {
  return base + path + (mode === 'polling' ? '?transport=polling' : '');
}

/** A short random tag so texts from one run cannot be confused with another run's. */
export function tag() {
  return Math.random().toString(36).slice(2, 8);
}

const STARTED = Date.now();

/** One log line, with the seconds since the script started. */
export function log(name, mode, msg) {
  console.log(`[${name}/${mode} +${((Date.now() - STARTED) / 1000).toFixed(1)}s] ${msg}`);
}

/** Text of the first element matching sel, trimmed; null when there is none. */
export async function textOf(page, sel) {
  return page.evaluate((s) => {
    const el = document.querySelector(s);
    return el ? (el.textContent || '').trim() : null;
  }, sel);
}

/** Texts of the <li> elements under sel. */
export async function itemsOf(page, sel) {
  return page.evaluate((s) => Array.from(document.querySelectorAll(`${s} li`), (li) => (li.textContent || '').trim()), sel);
}

/**
 * Waits (page.waitForFunction) until the trimmed text of sel satisfies a condition:
 *   { eq: 'x' }        equal (case-sensitive)
 *   { eqi: 'x' }       equal ignoring case
 *   { includes: 'x' }  contains
 *   { minInt: n }      parses as an integer >= n
 *   { nonEmpty: true } any non-empty text
 * On timeout it throws an error that says what the element actually showed.
 */
export async function waitText(page, sel, cond, what, timeout = STEP_TIMEOUT_MS) {
  try {
    await page.waitForFunction(
      ([s, c]) => {
        const el = document.querySelector(s);
        if (!el) return false;
        const t = (el.textContent || '').trim();
        if ('eq' in c) return t === c.eq;
        if ('eqi' in c) return t.toLowerCase() === c.eqi.toLowerCase();
        if ('includes' in c) return t.includes(c.includes);
        if ('minInt' in c) return /^\d+$/.test(t) && parseInt(t, 10) >= c.minInt;
        if ('nonEmpty' in c) return t.length > 0;
        return false;
      },
      [sel, cond],
      { timeout, polling: 100 },
    );
  } catch (e) {
    const seen = await textOf(page, sel).catch(() => '<page gone>');
    throw new Error(`${what}: ${sel} never satisfied ${JSON.stringify(cond)} within ${timeout} ms; it shows ${JSON.stringify(seen)} (${e.message.split('\n')[0]})`);
  }
  return textOf(page, sel);
}

/** Waits until an <li> under listSel contains text. */
export async function waitItem(page, listSel, text, what, timeout = STEP_TIMEOUT_MS) {
  try {
    await page.waitForFunction(
      ([s, x]) => Array.from(document.querySelectorAll(`${s} li`)).some((li) => (li.textContent || '').includes(x)),
      [listSel, text],
      { timeout, polling: 100 },
    );
  } catch (e) {
    const seen = await itemsOf(page, listSel).catch(() => ['<page gone>']);
    throw new Error(`${what}: no <li> in ${listSel} containing ${JSON.stringify(text)} within ${timeout} ms; the list holds ${JSON.stringify(seen)}`);
  }
}

/**
 * Waits for #status "connected" and checks #transport for the mode:
 * "websocket" (after the upgrade) in default mode, "polling" with ?transport=polling.
 */
export async function expectConnected(page, mode, say) {
  await waitText(page, '#status', { eqi: 'connected' }, '#status should read "connected"');
  if (mode === 'default') {
    const t = await waitText(page, '#transport', { eq: 'websocket' }, '#transport should reach "websocket" after the upgrade');
    say(`#status connected, #transport ${JSON.stringify(t)}`);
  } else {
    const t = await waitText(page, '#transport', { nonEmpty: true }, '#transport should show the transport name');
    if (t !== 'polling') throw new Error(`#transport should read "polling" with ?transport=polling but shows ${JSON.stringify(t)}`);
    say(`#status connected, #transport ${JSON.stringify(t)}`);
  }
}

/** At the end of a polling run: the connection must still be on polling (no upgrade happened). */
export async function expectStillOnTransport(page, mode, say) {
  const t = await textOf(page, '#transport');
  const want = mode === 'default' ? 'websocket' : 'polling';
  if (t !== want) throw new Error(`#transport changed: expected ${JSON.stringify(want)} at the end, it shows ${JSON.stringify(t)}`);
  say(`#transport still ${JSON.stringify(t)} at the end`);
}

/** Logs the page's console errors, uncaught exceptions and failed requests (diagnostics only). */
function watch(page, label, say) {
  page.on('pageerror', (e) => say(`(${label}) page error: ${e.message}`));
  page.on('console', (m) => {
    if (/favicon\.ico$/.test(m.location().url || '') || /willReadFrequently/.test(m.text())) return;
    if (m.type() === 'error' || m.type() === 'warning') say(`(${label}) console.${m.type()}: ${m.text()}`);
  });
  page.on('requestfailed', (r) => {
    const f = r.failure();
    // polling requests are aborted on purpose when a page navigates or closes
    if (!(f && /ERR_ABORTED/.test(f.errorText))) say(`(${label}) request failed: ${r.method()} ${r.url()} ${f ? f.errorText : ''}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !/favicon\.ico$/.test(r.url())) say(`(${label}) HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
  });
}

/**
 * Runs one page test: launches Chromium, gives the test a newPage(label) helper that
 * opens a page in its own browser context (own cookies, own Socket.IO connection),
 * takes the screenshot <name>-<mode>.png of the page the test names (or the first page),
 * or <name>-<mode>-<suffix>.png of each page in ctx.shotPages, also when the test fails, and exits 0 only on success. A global timer ends the
 * process after GLOBAL_TIMEOUT_MS whatever happens.
 */
export async function runPageTest(name, test) {
  const { base, bases, mode, shotDir } = parseArgs(name);
  const cookies = pageCookies();
  const baseOf = (i) => bases[Math.min(i, bases.length - 1)];
  const say = (m) => log(name, mode, m);
  const timer = setTimeout(() => {
    console.log(`[${name}/${mode}] FAIL: global timeout of ${GLOBAL_TIMEOUT_MS} ms`);
    process.exit(1);
  }, GLOBAL_TIMEOUT_MS);
  timer.unref();

  let browser;
  const pages = [];
  const snapped = new Set(); // suffixes ('' for the single-page name) already taken on purpose
  const fileOf = (suffix) => join(shotDir, `${name}-${mode}${suffix ? `-${suffix}` : ''}.png`);
  const shoot = async (page, suffix, why) => {
    mkdirSync(shotDir, { recursive: true });
    const file = fileOf(suffix);
    await page.screenshot({ path: file, fullPage: true, timeout: 5000 });
    say(`screenshot ${file}${why ? ` (${why})` : ''}`);
  };
  const ctx = {
    base,
    mode,
    say,
    /** The page URL on the i-th base (i-th page's server; the first one by default). */
    url: (path, i = 0) => pageUrl(baseOf(i), path, mode),
    /** True when the pages are meant to be on different servers (several bases or routing cookies). */
    spread: bases.length > 1 || cookies.length > 0,
    /** The page to screenshot as <name>-<mode>.png (default: the first page). */
    shotPage: null,
    /**
     * For tests with several pages: [[page, suffix], ...]; each is screenshot as
     * <name>-<mode>-<suffix>.png (replaces shotPage).
     */
    shotPages: null,
    /** Takes the page's screenshot now (instead of at the end, unless the test then fails). */
    async snap(page, why, suffix = '') {
      await shoot(page, suffix, why);
      snapped.add(suffix);
    },
    /** A page in a browser context of its own; the i-th page opened gets the i-th of PAGE_COOKIES. */
    async newPage(label) {
      const i = pages.length;
      const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
      if (cookies[i]) {
        await context.addCookies([{ ...cookies[i], url: baseOf(i) }]);
        say(`(${label}) cookie ${cookies[i].name}=${cookies[i].value} for ${baseOf(i)}`);
      }
      const page = await context.newPage();
      page.setDefaultTimeout(STEP_TIMEOUT_MS);
      watch(page, label, say);
      pages.push(page);
      return page;
    },
  };
  let ok = false;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 15000 });
    say(`chromium ${browser.version()}, base ${bases.join(', ')}`);
    await test(ctx);
    ok = true;
  } catch (e) {
    say(`FAIL: ${e && e.message ? e.message : e}`);
  }
  const targets = ctx.shotPages
    ? ctx.shotPages.map(([page, suffix]) => [page, suffix])
    : (ctx.shotPage || pages[0]) ? [[ctx.shotPage || pages[0], '']] : [];
  for (const [page, suffix] of targets) {
    if (ok && snapped.has(suffix)) continue;
    try {
      await shoot(page, suffix, ok ? '' : 'at the failure');
    } catch (e) {
      say(`(screenshot ${suffix || name} failed: ${e.message.split('\n')[0]})`);
    }
  }
  if (browser) await browser.close().catch(() => {});
  say(ok ? 'PASS' : 'FAIL');
  process.exit(ok ? 0 : 1);
}
