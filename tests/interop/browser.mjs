// tests/interop/browser.mjs: a real headless Chromium (Debian's `chromium`) loads a page from a
// second local origin that calls every endpoint of genwire-mock with its auth header, and again
// with `Prefer: code=` (a documented refusal), against a mock started with --cors and one without.
// With --cors every call succeeds and the page reads the body and the headers a client needs
// (Retry-After, request ids); without it only the provider that documents CORS (Diffio) answers the
// page, and only its plain calls (its documented preflight does not allow Prefer). The mocks'
// journals show what the browser itself sent (its preflights). Run by CTest (test `interop_browser`):
//
//   node browser.mjs --mock build/default/mock_server/genwire-mock     (GENWIRE_CHROMIUM=PATH to pick a browser)
//
// Exit 0 when every check passes, 1 otherwise, 77 (CTest's skip) when chromium is not installed.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parseArgs } from 'node:util';

import { authHeader, call, documentedRequest, operations, startMock } from './lib/mock.mjs';

const SKIP = 77;
const started = Date.now();
const { values: opts } = parseArgs({ options: { mock: { type: 'string' } } });
if (!opts.mock) {
  console.error('usage: node browser.mjs --mock PATH');
  process.exit(2);
}

function executable(name) {
  if (name.includes('/')) return canRun(name) ? name : null;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && canRun(join(dir, name))) return join(dir, name);
  return null;
}
function canRun(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
const chromium = process.env.GENWIRE_CHROMIUM ? executable(process.env.GENWIRE_CHROMIUM) : executable('chromium');
if (!chromium) {
  console.log(`SKIP: ${process.env.GENWIRE_CHROMIUM ? `GENWIRE_CHROMIUM (${process.env.GENWIRE_CHROMIUM}) is not an executable` : 'chromium is not installed'}; \`bash scripts/deps.sh interop\` installs Debian's chromium`);
  process.exit(SKIP);
}

const counts = { passed: 0, failed: 0 };
function check(ok, kind, detail) {
  if (ok) return void ++counts.passed;
  ++counts.failed;
  console.log(`FAIL [${kind}] ${typeof detail === 'function' ? detail() : detail}`);
}
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

// The page: every call in `plan` with fetch(), each result (or the error a blocked call raises)
// posted back to its own origin.
const page = (plan) => `<!doctype html>
<html><head><meta charset="utf-8"><title>genwire-mock from another origin</title></head>
<body><p id="state">calling</p>
<script type="module">
const plan = ${JSON.stringify(plan).replace(/</g, '\\u003c')};
const results = [];
for (const c of plan) {
  try {
    const r = await fetch(c.url, { method: c.method, headers: c.headers, body: c.body, cache: 'no-store' });
    const text = await r.text();
    const headers = Object.fromEntries(c.read.map((h) => [h, r.headers.get(h)]));
    results.push({ id: c.id, ok: true, status: r.status, text, headers });
  } catch (e) {
    results.push({ id: c.id, ok: false, error: String(e) });
  }
}
await fetch('/results', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(results) });
document.getElementById('state').textContent = 'done';
</script></body></html>`;

// The page's origin: a tiny static server that also takes the results.
function pageServer(html) {
  let deliver;
  const results = new Promise((resolve) => (deliver = resolve));
  const server = createServer((rq, rs) => {
    if (rq.method === 'GET' && rq.url === '/') {
      rs.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      return void rs.end(html);
    }
    if (rq.method === 'POST' && rq.url === '/results') {
      const chunks = [];
      rq.on('data', (c) => chunks.push(c));
      rq.on('end', () => {
        rs.writeHead(204).end();
        deliver(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      });
      return;
    }
    rs.writeHead(404).end();  // favicon and the like
  });
  return { server, results };
}

// Chromium, headless, in a new empty profile, in its own process group (ended as one).
function startChromium(url, profile) {
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, url];
  const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const stderr = [];
  child.stderr.on('data', (d) => stderr.length < 200 && stderr.push(d));
  return {
    child,
    stderr: () => Buffer.concat(stderr).toString(),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const mocks = {};
let browser = null;
let web = null;
const profile = mkdtempSync(join(tmpdir(), 'genwire-chromium-'));
try {
  [mocks.cors, mocks.plain] = await Promise.all([
    startMock(opts.mock, { data: 'documented', args: ['--cors'] }),
    startMock(opts.mock, { data: 'documented' }),
  ]);
  const doc = JSON.parse((await call(mocks.plain.url, 'get', '/__admin/openapi.json')).text);
  const endpoints = JSON.parse((await call(mocks.plain.url, 'get', '/__admin/endpoints')).text).endpoints;
  // Decision: the provider whose documented preflight lets any origin call is recognised by that preflight itself (its endpoints list OPTIONS in Allow without --cors), not by name: the test follows what the mock documents.
  const documentsCors = new Set(endpoints.filter((e) => e.allow.split(', ').includes('OPTIONS')).map((e) => e.name));
  check(documentsCors.size > 0, 'setup', 'no endpoint documents a CORS preflight; expected Diffio\'s');

  // Each endpoint's documented request, plain and with Prefer: code= for a documented refusal
  // (429, which carries Retry-After, where documented).
  const calls = [];
  for (const { name, path, method, op } of operations(doc)) {
    const { path: target, body } = documentedRequest(path, op);
    const codes = Object.keys(op.responses).map(Number);
    const success = codes.find((c) => c >= 200 && c < 300 && op.responses[c].content);
    const refusal = codes.includes(429) ? 429 : codes.find((c) => c >= 400);
    for (const [mock, base] of Object.entries({ cors: mocks.cors.url, plain: mocks.plain.url }))
      for (const prefer of [null, refusal]) {
        const status = prefer ?? success;
        calls.push({
          id: calls.length, endpoint: name, mock, prefer, status, url: base + target, method: method.toUpperCase(), body,
          headers: { ...authHeader(doc, op), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(prefer ? { Prefer: `code=${prefer}` } : {}) },
          // The headers the endpoint documents for that answer (Retry-After, request ids).
          read: Object.keys(op.responses[status].headers ?? {}),
        });
      }
  }

  web = pageServer(page(calls));
  web.server.listen(0, '127.0.0.1');
  await once(web.server, 'listening');
  const origin = `http://127.0.0.1:${web.server.address().port}`;
  const t0 = Date.now();
  browser = startChromium(`${origin}/`, profile);
  const results = await Promise.race([
    web.results,
    once(browser.child, 'exit').then(([code]) => { throw new Error(`chromium exited (${code}) before the page reported: ${browser.stderr().slice(-2000)}`); }),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`no results from the page within 60 s: ${browser.stderr().slice(-2000)}`)), 60000)),
  ]);
  console.log(`chromium loaded ${origin}/ and made ${results.length} calls in ${seconds(t0)}`);

  const byId = new Map(results.map((r) => [r.id, r]));
  for (const c of calls) {
    const r = byId.get(c.id);
    const what = `${c.endpoint}${c.prefer ? ` Prefer: code=${c.prefer}` : ''}, mock ${c.mock === 'cors' ? 'with' : 'without'} --cors`;
    if (!r) {
      check(false, 'browser', `${what}: the page reported nothing`);
      continue;
    }
    const expectOk = c.mock === 'cors' || (documentsCors.has(c.endpoint) && !c.prefer);
    if (!expectOk) {
      check(!r.ok, 'browser', () => `${what}: expected the browser to block it, but it answered ${r.status}`);
      continue;
    }
    check(r.ok && r.status === c.status, 'browser', () => `${what}: expected ${c.status}, got ${r.ok ? r.status : r.error}`);
    if (!r.ok) continue;
    let body = null;
    try {
      body = JSON.parse(r.text);
    } catch {}
    check(body !== null && typeof body === 'object', 'browser', () => `${what}: the page could not read a JSON body: ${r.text.slice(0, 200)}`);
    // The headers the endpoint documents for that answer are readable by the page (exposed).
    for (const [h, v] of Object.entries(r.headers))
      check(c.mock !== 'cors' || v !== null, 'browser', `${what}: the page cannot read ${h}`);
  }
  check(calls.some((c) => c.read.length > 0), 'setup', 'no call reads a documented header');

  // What the browser itself sent: a preflight to every endpoint (before each distinct header
  // set), then the calls; without --cors no call follows a refused preflight.
  for (const [mock, { url }] of Object.entries(mocks)) {
    const journal = JSON.parse((await call(url, 'get', '/__admin/requests')).text).requests;
    for (const c of calls.filter((x) => x.mock === mock)) {
      const path = new URL(c.url).pathname;
      const preflight = journal.find((j) => j.method === 'OPTIONS' && j.path === path);
      check(preflight !== undefined && preflight.headers.some((h) => h.name.toLowerCase() === 'origin' && h.value === origin), 'journal',
        `${c.endpoint} (mock ${mock}): no preflight from ${origin} reached the mock`);
      const sent = journal.filter((j) => j.method === c.method && j.path === path).length;
      const expectOk = mock === 'cors' || (documentsCors.has(c.endpoint) && !c.prefer);
      if (mock === 'plain' && !documentsCors.has(c.endpoint))
        check(sent === 0, 'journal', `${c.endpoint} (mock plain): the browser sent the call after a refused preflight`);
      else if (expectOk) check(sent > 0, 'journal', `${c.endpoint} (mock ${mock}): the call never reached the mock`);
    }
  }
} catch (e) {
  check(false, 'run', e.stack ?? String(e));
} finally {
  if (browser) await browser.stop();
  if (web) web.server.close();
  await Promise.all(Object.values(mocks).map((m) => m.stop()));
  rmSync(profile, { recursive: true, force: true });
}

console.log(`interop_browser: in ${seconds(started)}`);
console.log(`${counts.passed} passed, ${counts.failed} failed`);
process.exit(counts.failed === 0 ? 0 : 1);
