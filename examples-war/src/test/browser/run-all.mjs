// Runs every example-page browser test in both transport modes, one after the other.
//
//   node run-all.mjs BASEURL SHOTDIR [PAGE...]
//
// BASEURL e.g. http://127.0.0.1:18080; SHOTDIR receives <page>-<mode>.png;
// PAGE limits the run to some of: chat rooms test-namespace dashboard auth.
// Prints one closing line "N passed, N failed" and exits non-zero on any failure.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GLOBAL_TIMEOUT_MS } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ALL = ['chat', 'rooms', 'test-namespace', 'dashboard', 'auth'];
const MODES = ['default', 'polling'];

const [base, shotDir, ...only] = process.argv.slice(2);
if (!base || !shotDir || !/^https?:\/\//.test(base) || only.some((x) => !ALL.includes(x))) {
  console.error(`usage: node run-all.mjs BASEURL SHOTDIR [${ALL.join('|')} ...]`);
  process.exit(2);
}
const pages = only.length ? only : ALL;
const total = pages.length * MODES.length;

/** Waits up to 30 s for the server to answer HTTP at all (any status). */
async function serverUp() {
  const probe = base.replace(/\/+$/, '') + '/chat.html';
  const deadline = Date.now() + 30000;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const r = await fetch(probe, { signal: AbortSignal.timeout(3000) });
      console.log(`server answers: GET ${probe} -> HTTP ${r.status}`);
      return true;
    } catch (e) {
      last = e.cause ? e.cause.code || e.cause.message : e.message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`server at ${base} not reachable within 30 s (${last})`);
  return false;
}

function runOne(page, mode) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [join(here, `${page}.mjs`), base, mode, shotDir], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    // The script ends itself after GLOBAL_TIMEOUT_MS; this is a backstop.
    const killer = setTimeout(() => {
      console.log(`[${page}/${mode}] FAIL: still running after ${GLOBAL_TIMEOUT_MS + 10000} ms, killing pid ${child.pid}`);
      child.kill('SIGKILL');
    }, GLOBAL_TIMEOUT_MS + 10000);
    child.on('exit', (code, signal) => {
      clearTimeout(killer);
      resolve({ page, mode, ok: code === 0, code: code ?? signal, ms: Date.now() - started });
    });
  });
}

if (!(await serverUp())) {
  console.log(`0 passed, ${total} failed`);
  process.exit(1);
}

const results = [];
for (const page of pages) {
  for (const mode of MODES) {
    console.log(`--- ${page} (${mode})`);
    results.push(await runOne(page, mode));
  }
}

console.log('--- summary');
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'} ${r.page} ${r.mode} (${(r.ms / 1000).toFixed(1)} s${r.ok ? '' : `, exit ${r.code}`})`);
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
