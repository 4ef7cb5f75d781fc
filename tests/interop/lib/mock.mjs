// genwire-mock started on a free loopback port, and the requests the interop tests send it, read
// from an OpenAPI document of genwire's: each operation's documented request (its default
// answer), and a realistic walk (a few pages of each list, the runs their items point at, the
// JSON-body endpoints with the store's own ids, and two refusals each), so that generated bodies
// of every shape meet the validators.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export const KEY = 'gw_test_read';

// A process started with `args` whose first stdout line, matched by `ready`, says it is serving;
// the match's first group is its URL. Its later output is drained (or kept in `log`).
export async function startServer(command, args, ready, { name = command, timeoutMs = 20000, log } = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = createInterface({ input: child.stdout });
  const stderr = [];
  child.stderr.on('data', (d) => stderr.push(d));
  let url = null;
  const seen = [];
  const timer = setTimeout(() => child.kill(), timeoutMs);
  try {
    url = await new Promise((resolve, reject) => {
      lines.on('line', (line) => {
        if (log) log.push(line);
        if (url !== null) return;
        seen.push(line);
        const m = ready.exec(line);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before serving: ${[...seen, Buffer.concat(stderr).toString()].join('\n').slice(-2000)}`)));
      child.once('error', reject);
    });
  } catch (e) {
    child.kill();
    throw e;
  } finally {
    clearTimeout(timer);
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

// genwire-mock in `data` mode (documented or realistic) with `args` more flags.
export async function startMock(binary, { data = 'realistic', args = [] } = {}) {
  return startServer(binary, ['--data', data, '--port', '0', '--quiet', ...args], /^genwire-mock listening on (http:\/\/\S+)$/,
    { name: `genwire-mock --data ${data}` });
}

// {status, headers, text} of one request to `base` + `path`.
export async function call(base, method, path, { headers = {}, query = '', body } = {}) {
  const r = await fetch(base + path + (query ? `?${query}` : ''), {
    method: method.toUpperCase(),
    headers: { ...headers, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    body,
    signal: AbortSignal.timeout(10000),
  });
  return { status: r.status, headers: r.headers, text: await r.text() };
}

// The header that carries the key for the operation's first security scheme.
export function authHeader(doc, op) {
  const name = Object.keys(op.security?.[0] ?? {})[0];
  const scheme = doc.components.securitySchemes[name];
  if (!scheme) return {};
  if (scheme.type === 'http' && scheme.scheme === 'bearer') return { Authorization: `Bearer ${KEY}` };
  return { [scheme.name]: KEY };
}

// Every operation of the document as {name, path, method, op}: plain ones first, then those with
// path parameters (filled from what the lists returned), then the JSON-body ones (whose bodies may
// use ids the lists returned).
export function operations(doc) {
  const ops = [];
  for (const [path, item] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(item)) ops.push({ name: op.operationId, path, method, op });
  const rank = ({ op }) => (op.requestBody ? 2 : pathParameters(op).length ? 1 : 0);
  return ops.sort((a, b) => rank(a) - rank(b));
}

const pathParameters = (op) => (op.parameters ?? []).filter((p) => p.in === 'path');

// The path with each {name} replaced by values[name].
export function expandPath(template, values) {
  return template.replace(/\{([^}]+)\}/g, (_, key) => {
    if (values[key] === undefined) throw new Error(`${template}: no value for {${key}}`);
    return encodeURIComponent(String(values[key]));
  });
}

// The operation's documented request: its path with the example path's values, its first request
// body example (or none), no query (every parameter the lists take is optional).
export function documentedRequest(path, op) {
  const values = Object.fromEntries(pathParameters(op).map((p) => [p.name, Object.values(p.examples ?? {})[0]?.value]));
  const examples = op.requestBody?.content?.['application/json']?.examples;
  const body = examples ? JSON.stringify(Object.values(examples)[0].value) : undefined;
  return { path: expandPath(path, values), body };
}

// Paths of `template` found in the answers so far: URLs (FLORA's poll_url) whose path matches it.
function pathsFromAnswers(template, answers) {
  const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`);
  const found = new Set();
  const visit = (v) => {
    if (typeof v === 'string' && /^https?:\/\//.test(v)) {
      try {
        const p = new URL(v).pathname;
        if (pattern.test(p)) found.add(p);
      } catch {}
    } else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  answers.forEach(visit);
  return [...found];
}

const PAGES = 3;
const LIMIT = 25;
const RUNS = 5;

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

// Every answer of a realistic walk over the document's operations, as {endpoint, kind, status,
// text, headers, what}. The mock at `base` answers; `send(method, path, request)` sends each request
// (directly by default; through a proxy in front of the mock otherwise). `refusals`: also a request
// without a key and a bad one per endpoint (which a validating proxy refuses itself).
export async function realisticAnswers(base, doc, { send = (m, p, r) => call(base, m, p, r), refusals = true } = {}) {
  const state = JSON.parse((await call(base, 'get', '/__admin/state')).text);
  const seen = {};
  const out = [];
  for (const { name, path, method, op } of operations(doc)) {
    const headers = authHeader(doc, op);
    const params = new Set((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
    const record = (r, what) =>
      out.push({ endpoint: name, kind: r.status >= 200 && r.status < 300 ? 'response' : 'error', status: r.status, text: r.text, headers: r.headers, what });
    const keep = (r) => r.status === 200 && (seen[name] ??= []).push(JSON.parse(r.text));
    let targets = [path];
    if (pathParameters(op).length) {
      targets = pathsFromAnswers(path, Object.values(seen).flat()).slice(0, RUNS);
      if (!targets.length) throw new Error(`${name}: no answer so far names a path of ${path} to fill its parameters from (tests/interop/lib/mock.mjs)`);
    }
    if (op.requestBody) {
      const make = bodies[name];
      if (!make) throw new Error(`${name}: no realistic request bodies for this JSON-body endpoint (tests/interop/lib/mock.mjs)`);
      for (const body of make({ state, seen })) {
        const r = await send(method, path, { headers, body: JSON.stringify(body) });
        record(r, JSON.stringify(body));
        keep(r);
      }
      if (refusals) record(await send(method, path, { headers, body: '{}' }), 'empty request body');
    } else if (targets[0] !== path) {
      for (const target of targets) {
        const r = await send(method, target, { headers });
        record(r, target);
        keep(r);
      }
    } else {
      const query = new URLSearchParams();
      if (params.has('limit')) query.set('limit', String(LIMIT));
      for (let page = 0; page < PAGES; ++page) {
        const r = await send(method, path, { headers, query: query.toString() });
        record(r, `page ${page + 1} ?${query}`);
        if (r.status !== 200) break;
        keep(r);
        const cursor = nextCursor(JSON.parse(r.text));
        if (params.has('cursor') && cursor) query.set('cursor', cursor);
        else if (params.has('offset')) query.set('offset', String((page + 1) * LIMIT));
        else break;
      }
      if (refusals && params.has('limit')) record(await send(method, path, { headers, query: 'limit=0' }), 'limit=0');
    }
    if (refusals) record(await send(method, targets[0], op.requestBody ? { body: '{}' } : {}), 'no API key');
  }
  return out;
}
