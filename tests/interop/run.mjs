// tests/interop/run.mjs: genwire's exported JSON Schemas and OpenAPI documents checked by the
// validators other languages use (ajv 8 with ajv-formats, and the OpenAPI 3.1 schema through
// @seriousme/openapi-schema-validator). Run by CTest (test `interop_ajv`):
//
//   node run.mjs --genwire build/default/tools/genwire --mock build/default/mock_server/genwire-mock
//
// Exit 0 when every check passes, 1 otherwise, 77 (CTest's skip) when the npm packages are not
// installed (`npm ci` here, or `bash scripts/deps.sh interop`).
import { isDeepStrictEqual, parseArgs } from 'node:util';

import { Genwire } from './lib/genwire.mjs';
import { mutations, probes } from './lib/mutations.mjs';
import { sample } from './lib/sample.mjs';
import { realisticAnswers, startMock } from './lib/mock.mjs';
import { ajvPaths, loadPackages, makeAjv, queryObject, queryString } from './lib/validators.mjs';

const SKIP = 77;
const started = Date.now();
const { values: opts } = parseArgs({ options: { genwire: { type: 'string' }, mock: { type: 'string' } } });
if (!opts.genwire || !opts.mock) {
  console.error('usage: node run.mjs --genwire PATH --mock PATH');
  process.exit(2);
}

let packages;
try {
  packages = await loadPackages();
} catch (e) {
  console.log(`SKIP: the interop packages are not installed (${e.code ?? e.message}); run \`npm ci\` in tests/interop or \`bash scripts/deps.sh interop\``);
  process.exit(SKIP);
}

// ---------------------------------------------------------------------------------------------
// Reporting: every check counts; failures are printed (the first few of each kind in full).
// ---------------------------------------------------------------------------------------------
const counts = { passed: 0, failed: 0 };
const shown = new Map();
function check(ok, kind, detail) {
  if (ok) return void ++counts.passed;
  ++counts.failed;
  const n = (shown.get(kind) ?? 0) + 1;
  shown.set(kind, n);
  if (n <= 15) console.log(`FAIL [${kind}] ${typeof detail === 'function' ? detail() : detail}`);
  else if (n === 16) console.log(`FAIL [${kind}] ... (more of this kind not shown)`);
}

const gw = new Genwire(opts.genwire);
const MODES = ['default', 'strict'];
const KINDS = ['request', 'response', 'error'];
const modeArgs = (mode) => (mode === 'strict' ? ['--strict'] : []);
const endpoints = gw.run(['endpoints']).out.trim().split('\n');

// ---------------------------------------------------------------------------------------------
// 1. The OpenAPI documents are valid OpenAPI 3.1, whole and per provider.
// ---------------------------------------------------------------------------------------------
const openapi = {};
for (const mode of MODES) {
  const doc = gw.json(['openapi', ...modeArgs(mode)]);
  openapi[mode] = doc;
  const checked = await new packages.Validator().validate(structuredClone(doc));
  check(checked.valid, 'openapi document', () => `${mode}: ${JSON.stringify(checked.errors).slice(0, 2000)}`);
  const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));
  check(isDeepStrictEqual(operations.map((op) => op.operationId).sort(), [...endpoints].sort()), 'openapi document',
    `${mode}: the operations are not exactly the endpoints`);
  for (const { name: provider } of doc.tags) {
    const one = gw.json(['openapi', provider, ...modeArgs(mode)]);
    const res = await new packages.Validator().validate(structuredClone(one));
    check(res.valid, 'openapi document', () => `${mode} ${provider}: ${JSON.stringify(res.errors).slice(0, 2000)}`);
    const ops = Object.values(one.paths).flatMap((item) => Object.values(item));
    check(ops.length > 0 && ops.every((op) => op.tags[0] === provider) && one.servers?.length === 1, 'openapi document',
      `${mode} ${provider}: expected only ${provider}'s operations under one root server`);
    // The provider's own paths, unchanged.
    for (const [path, item] of Object.entries(one.paths))
      check(isDeepStrictEqual(Object.keys(item), Object.keys(doc.paths[path] ?? {}).filter((m) => doc.paths[path][m].tags[0] === provider)),
        'openapi document', `${mode} ${provider}: ${path} differs from the whole document`);
  }
}
const operation = Object.fromEntries(
  Object.values(openapi.default.paths).flatMap((item) => Object.values(item)).map((op) => [op.operationId, op]));
const isQuery = (endpoint) => operation[endpoint].requestBody === undefined;

// ---------------------------------------------------------------------------------------------
// 2. Every schema compiles under ajv's own strict mode and is the one in the OpenAPI document.
// ---------------------------------------------------------------------------------------------
const ajv = {};
for (const mode of MODES) ajv[mode] = { json: makeAjv(packages, { mode, query: false }), query: makeAjv(packages, { mode, query: true }) };
const validators = {};  // validators[mode][endpoint][kind] = {schema, validate, query}
for (const mode of MODES) {
  validators[mode] = {};
  for (const endpoint of endpoints) {
    validators[mode][endpoint] = {};
    for (const kind of KINDS) {
      const schema = gw.json(['schema', endpoint, kind, ...modeArgs(mode)]);
      const query = kind === 'request' && isQuery(endpoint);
      let validate = null;
      try {
        validate = ajv[mode][query ? 'query' : 'json'].compile(schema);
      } catch (e) {
        check(false, 'schema compiles', `${mode} ${endpoint} ${kind}: ${e.message}`);
        continue;
      }
      check(true, 'schema compiles');
      validators[mode][endpoint][kind] = { schema, validate, query };
      const { $schema, ...body } = schema;
      check($schema === 'https://json-schema.org/draft/2020-12/schema', 'schema document', `${mode} ${endpoint} ${kind}: $schema ${$schema}`);
      if (query) {
        const params = Object.fromEntries((operation[endpoint].parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p]));
        const docParams = Object.fromEntries(
          (Object.values(openapi[mode].paths).flatMap((i) => Object.values(i)).find((op) => op.operationId === endpoint).parameters ?? [])
            .filter((p) => p.in === 'query').map((p) => [p.name, p.schema]));
        check(isDeepStrictEqual(docParams, body.properties ?? {}), 'schema is the document\'s',
          `${mode} ${endpoint} request: the query parameters of the OpenAPI document differ from genwire schema`);
        for (const [name, p] of Object.entries(params))
          check(p.required === (body.required ?? []).includes(name), 'schema is the document\'s', `${mode} ${endpoint}: parameter ${name} required`);
      } else {
        check(isDeepStrictEqual(openapi[mode].components.schemas[`${endpoint}.${kind}`], body), 'schema is the document\'s',
          `${mode} ${endpoint} ${kind}: components.schemas differs from genwire schema`);
      }
    }
  }
}

// The data ajv validates for a document's text: a query string as its parameters object, JSON
// parsed. Validation coerces query values in place, so every call parses afresh.
function ajvVerdict(mode, endpoint, kind, text) {
  const v = validators[mode][endpoint][kind];
  let data;
  try {
    data = v.query ? queryObject(text) : JSON.parse(text);
  } catch {
    return { ok: false, paths: { deepest: '$', all: ['$'] }, data: undefined };
  }
  const ok = v.validate(data);
  return { ok, paths: ok ? null : ajvPaths(v.validate.errors, data), data, errors: v.validate.errors };
}

const describe = (g, a) =>
  `genwire: ${g.ok ? 'valid' : g.message}; ajv: ${a.ok ? 'valid' : `${JSON.stringify(a.errors?.slice(0, 4))}`}`;

// ---------------------------------------------------------------------------------------------
// 3. Every example document of every endpoint: the schema accepts it exactly when genwire does.
// ---------------------------------------------------------------------------------------------
const accepted = {};  // accepted[mode][endpoint][kind] = [texts both accept], the mutations' sources
let exampleCount = 0;
const exampleVerdicts = { accepted: 0, refused: 0 };
for (const mode of MODES) {
  accepted[mode] = {};
  for (const endpoint of endpoints) {
    accepted[mode][endpoint] = { request: [], response: [], error: [] };
    for (const e of gw.json(['examples', endpoint])) {
      if (!validators[mode][endpoint][e.kind]) continue;
      ++exampleCount;
      const g = gw.validate(endpoint, e.kind, mode, e.body);
      const a = ajvVerdict(mode, endpoint, e.kind, e.body);
      check(g.ok === a.ok, 'example verdicts agree', () => `${mode} ${endpoint} ${e.kind} ${e.name}: ${describe(g, a)}`);
      if (g.ok && a.ok) accepted[mode][endpoint][e.kind].push(e.body), ++exampleVerdicts.accepted;
      if (!g.ok && !a.ok) ++exampleVerdicts.refused, console.log(`refused by both (${mode}): ${endpoint} ${e.name}: ${g.message}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Realistic-mode answers of the mock: both accept every one, in both modes.
// ---------------------------------------------------------------------------------------------
const mock = await startMock(opts.mock);
let answers = [];
try {
  answers = await realisticAnswers(mock.url, openapi.default);
} catch (e) {
  check(false, 'realistic answers', e.message);
} finally {
  await mock.stop();
}
const endpointsSeen = new Set(answers.map((a) => a.endpoint));
check(endpoints.every((e) => endpointsSeen.has(e)), 'realistic answers', `no answer from ${endpoints.filter((e) => !endpointsSeen.has(e))}`);
for (const answer of answers)
  for (const mode of MODES) {
    const g = gw.validate(answer.endpoint, answer.kind, mode, answer.text);
    const a = ajvVerdict(mode, answer.endpoint, answer.kind, answer.text);
    check(g.ok && a.ok, 'realistic answers are valid',
      () => `${mode} ${answer.endpoint} ${answer.status} (${answer.what}): ${describe(g, a)}\n  ${answer.text.slice(0, 300)}`);
    if (g.ok && a.ok && answer.kind === 'response' && accepted[mode][answer.endpoint].response.length < 3)
      accepted[mode][answer.endpoint].response.push(answer.text);
  }

// ---------------------------------------------------------------------------------------------
// 5. A document of every member of every schema, built from the schema: both accept it.
// ---------------------------------------------------------------------------------------------
for (const mode of MODES)
  for (const endpoint of endpoints)
    for (const kind of KINDS) {
      const v = validators[mode][endpoint][kind];
      if (!v) continue;
      const doc = sample(v.schema);
      const text = v.query ? queryString(doc) : JSON.stringify(doc);
      const g = gw.validate(endpoint, kind, mode, text);
      const a = ajvVerdict(mode, endpoint, kind, text);
      check(g.ok && a.ok, 'every member, from the schema', () => `${mode} ${endpoint} ${kind}: ${describe(g, a)}\n  ${text.slice(0, 400)}`);
      if (g.ok && a.ok) accepted[mode][endpoint][kind].push(text);
    }

// ---------------------------------------------------------------------------------------------
// 6. Broken payloads: one defect each; both refuse it (or both accept it), at the same path.
// ---------------------------------------------------------------------------------------------
let mutationCount = 0;
const refusedBy = { both: 0, neither: 0 };
const refusals = new Map();  // what -> count refused by both
for (const mode of MODES)
  for (const endpoint of endpoints)
    for (const kind of KINDS) {
      const v = validators[mode][endpoint][kind];
      if (!v) continue;
      const sub = ajv[mode][v.query ? 'query' : 'json'];
      const accepts = (schema, value) => sub.validate(schema, structuredClone(value));
      const seen = new Set();
      const seenProbes = new Set();
      const broken = [];  // every mutation of every accepted text, then genwire's verdicts in one run
      for (const text of accepted[mode][endpoint][kind]) {
        const source = ajvVerdict(mode, endpoint, kind, text).data;  // typed (query values coerced)
        const all = [...mutations(v.schema, source, { accepts, query: v.query, seen }), ...probes(source, { query: v.query, seen: seenProbes })];
        for (const m of all) {
          const value = m.apply(structuredClone(source));
          broken.push({ m, text: v.query ? queryString(value) : JSON.stringify(value) });
        }
      }
      const verdicts = gw.validateMany(endpoint, kind, mode, broken.map((b) => b.text));
      broken.forEach(({ m, text }, i) => {
        ++mutationCount;
        const g = verdicts[i];
        const a = ajvVerdict(mode, endpoint, kind, text);
        const label = `${mode} ${endpoint} ${kind}, ${m.what} at ${m.segments.join('/') || '$'}`;
        check(g.ok === a.ok, 'broken payload verdicts agree', () => `${label}: ${describe(g, a)}`);
        if (g.ok && a.ok) ++refusedBy.neither;
        if (!g.ok && !a.ok) ++refusedBy.both, refusals.set(m.what, (refusals.get(m.what) ?? 0) + 1);
        if (!g.ok && !a.ok)
          check(g.path === a.paths.deepest, 'broken payload paths agree',
            () => `${label}: genwire says ${g.path}, ajv ${a.paths.deepest} (all: ${a.paths.all.join(', ')})`);
      });
    }

const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`interop: ${endpoints.length} endpoints, ${exampleCount} example verdicts (${exampleVerdicts.accepted} accepted by both, ` +
  `${exampleVerdicts.refused} refused by both), ${answers.length} realistic answers, ` +
  `${mutationCount} mutated payloads (${refusedBy.both} refused by both, ${refusedBy.neither} accepted by both), in ${seconds} s`);
console.log(`refused by both: ${[...refusals].map(([k, n]) => `${k} ${n}`).join(', ')}`);
console.log(`${counts.passed} passed, ${counts.failed} failed`);
process.exit(counts.failed === 0 ? 0 : 1);
