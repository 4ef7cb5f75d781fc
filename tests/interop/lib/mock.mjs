// genwire-mock in realistic mode, started on a free loopback port, and the answers of every
// endpoint of the OpenAPI document: a few pages of each list, and two refusals each (no key, a bad
// request), so that generated bodies of every shape meet the exported schemas.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export async function startMock(binary) {
  const child = spawn(binary, ['--data', 'realistic', '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const timer = setTimeout(() => child.kill(), 10000);
  const [first] = await Promise.race([once(lines, 'line'), once(child, 'exit').then(() => [''])]);
  clearTimeout(timer);
  const m = /^genwire-mock listening on (http:\/\/\S+)$/.exec(first ?? '');
  if (!m) {
    child.kill();
    throw new Error(`genwire-mock did not report its address (first line: ${JSON.stringify(first)})`);
  }
  lines.on('line', () => {});  // keep draining stdout
  return {
    url: m[1],
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

const PAGES = 3;
const LIMIT = 25;
const KEY = 'gw_test_read';

// The header that carries the key for the operation's first security scheme.
function authHeader(doc, op) {
  const name = Object.keys(op.security?.[0] ?? {})[0];
  const scheme = doc.components.securitySchemes[name];
  if (!scheme) return {};
  if (scheme.type === 'http' && scheme.scheme === 'bearer') return { Authorization: `Bearer ${KEY}` };
  return { [scheme.name]: KEY };
}

async function call(base, method, path, { headers = {}, query = '', body } = {}) {
  const r = await fetch(base + path + (query ? `?${query}` : ''), {
    method: method.toUpperCase(),
    headers: { ...headers, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    body,
    signal: AbortSignal.timeout(10000),
  });
  return { status: r.status, text: await r.text() };
}

// A next-page cursor wherever a page keeps one (`next_cursor` at the top or one level down).
function nextCursor(page) {
  for (const v of [page, ...Object.values(page ?? {})])
    if (v && typeof v === 'object' && typeof v.next_cursor === 'string' && v.next_cursor !== '') return v.next_cursor;
  return null;
}

// Request bodies of the JSON-body endpoints, from the realistic store's own ids. A JSON-body
// endpoint missing here fails the test rather than going unchecked.
const bodies = {
  'diffio.list_project_generations': ({ state }) =>
    state.stores.find((s) => s.provider === 'diffio').projects.slice(0, PAGES).map((p) => ({ apiProjectId: p })),
  'diffio.get_generation_progress': ({ seen }) =>
    (seen['diffio.list_project_generations'] ?? [])
      .flatMap((b) => b.generations.slice(0, 2).map((g) => ({ generationId: g.generationId, apiProjectId: b.apiProjectId })))
      .slice(0, 5),
};

// Every answer as {endpoint, kind, status, text, what}.
export async function realisticAnswers(base, doc) {
  const state = JSON.parse((await call(base, 'get', '/__admin/state')).text);
  const seen = {};
  const out = [];
  const ops = [];
  for (const [path, item] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(item)) ops.push({ path, method, op });
  // JSON-body endpoints last: their bodies may use what the lists returned.
  ops.sort((a, b) => Number(a.op.requestBody !== undefined) - Number(b.op.requestBody !== undefined));
  for (const { path, method, op } of ops) {
    const name = op.operationId;
    const headers = authHeader(doc, op);
    const params = new Set((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
    if ((op.parameters ?? []).some((p) => p.in === 'path'))
      throw new Error(`${name}: no way yet to fill its path parameters from realistic data (tests/interop/lib/mock.mjs)`);
    const record = (r, what) =>
      out.push({ endpoint: name, kind: r.status >= 200 && r.status < 300 ? 'response' : 'error', status: r.status, text: r.text, what });
    if (op.requestBody) {
      const make = bodies[name];
      if (!make) throw new Error(`${name}: no realistic request bodies for this JSON-body endpoint (tests/interop/lib/mock.mjs)`);
      for (const body of make({ state, seen })) {
        const r = await call(base, method, path, { headers, body: JSON.stringify(body) });
        record(r, JSON.stringify(body));
        if (r.status === 200) (seen[name] ??= []).push(JSON.parse(r.text));
      }
      record(await call(base, method, path, { headers, body: '{}' }), 'empty request body');
    } else {
      const query = new URLSearchParams();
      if (params.has('limit')) query.set('limit', String(LIMIT));
      for (let page = 0; page < PAGES; ++page) {
        const r = await call(base, method, path, { headers, query: query.toString() });
        record(r, `page ${page + 1} ?${query}`);
        if (r.status !== 200) break;
        const body = JSON.parse(r.text);
        const cursor = nextCursor(body);
        if (params.has('cursor') && cursor) query.set('cursor', cursor);
        else if (params.has('offset')) query.set('offset', String((page + 1) * LIMIT));
        else break;
      }
      if (params.has('limit')) record(await call(base, method, path, { headers, query: 'limit=0' }), 'limit=0');
    }
    record(await call(base, method, path, op.requestBody ? { body: '{}' } : {}), 'no API key');
  }
  return out;
}
