// Broken copies of a valid document, each with one defect that the exported schema names: a
// required member removed, a value of the wrong JSON type, a number past a bound, a string too
// short or too long, an unknown enum value, a malformed date-time / UUID / URI, an undeclared
// member. genwire and ajv must agree on every copy, and name the same place when they refuse it.

const types = (schema) => {
  if (schema === true || (typeof schema === 'object' && Object.keys(schema).length === 0)) return null;  // any
  if (schema.anyOf) {
    const all = new Set();
    for (const branch of schema.anyOf) {
      const t = types(branch);
      if (t === null) return null;
      t.forEach((x) => all.add(x));
    }
    return all;
  }
  if (schema.type === undefined) return null;
  const t = new Set([].concat(schema.type));
  if (t.has('number')) t.add('integer');
  return t;
};

const jsonTypeOf = (v) =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v === 'number' ? 'number' : typeof v;

// Values whose JSON type differs from everything the schema allows; strings only in a query.
const wrongTypeCandidates = (query) =>
  query ? ['genwire-wrong-type'] : ['genwire-wrong-type', 12345, true, [], {}];

const badFormat = { 'date-time': 'yesterday', uuid: 'not-a-uuid', uri: 'not a uri' };

// Numbers a JavaScript double cannot tell from their neighbours are left alone: a bound of
// 9223372036854775807 reads as 2^63 there, while genwire reads the integer exactly.
const safe = (n) => Math.abs(n) <= Number.MAX_SAFE_INTEGER;

function* atLocation(schema, value, query) {
  const allowed = types(schema);
  if (allowed !== null) {
    const wrong = wrongTypeCandidates(query).find((c) => !allowed.has(jsonTypeOf(c)) && !(jsonTypeOf(c) === 'integer' && allowed.has('number')));
    if (wrong !== undefined) yield { what: 'wrong type', value: wrong };
  }
  const s = schema.anyOf ? null : schema;
  if (s === null || typeof value !== typeof 0 && typeof value !== 'string') return;
  if (typeof value === 'number') {
    const t = types(s);
    if (t && t.has('integer') && !t.has('number')) yield { what: 'fraction in an integer', value: 1.5 };
    // At a bound (valid) and just past it: a declared decimal (0.7) is compared as the same double by both.
    const fraction = !(t && t.has('integer') && !t.has('number'));
    if (s.minimum !== undefined && safe(s.minimum)) yield { what: 'at minimum', value: s.minimum };
    if (s.maximum !== undefined && safe(s.maximum)) yield { what: 'at maximum', value: s.maximum };
    if (fraction && s.minimum !== undefined && safe(s.minimum)) yield { what: 'just below minimum', value: s.minimum - 1e-9 };
    if (fraction && s.maximum !== undefined && safe(s.maximum)) yield { what: 'just above maximum', value: s.maximum + 1e-9 };
    if (s.minimum !== undefined && safe(s.minimum - 1)) yield { what: 'below minimum', value: s.minimum - 1 };
    if (s.exclusiveMinimum !== undefined && safe(s.exclusiveMinimum)) yield { what: 'at exclusive minimum', value: s.exclusiveMinimum };
    if (s.maximum !== undefined && safe(s.maximum + 1)) yield { what: 'above maximum', value: s.maximum + 1 };
    if (s.exclusiveMaximum !== undefined && safe(s.exclusiveMaximum)) yield { what: 'at exclusive maximum', value: s.exclusiveMaximum };
  }
  if (typeof value === 'string') {
    if (s.minLength > 0) yield { what: 'shorter than minLength', value: 'x'.repeat(s.minLength - 1) };
    if (s.maxLength !== undefined && s.maxLength < 10000) yield { what: 'longer than maxLength', value: 'x'.repeat(s.maxLength + 1) };
    if (s.enum) yield { what: 'not an enum value', value: 'genwire-not-a-member' };
    if (s.format && badFormat[s.format]) yield { what: `not a ${s.format}`, value: badFormat[s.format] };
  }
}

// The branch of an anyOf the value is read by (the first that accepts it), or the schema itself.
const branchFor = (schema, value, accepts) => (schema.anyOf ? schema.anyOf.find((b) => accepts(b, value)) : schema);

// Every mutation of `doc` as {what, segments, apply(copy) -> the broken copy}, once per schema
// location and kind (array elements share one location: the first element stands for all; pass
// the same `seen` for several documents of one schema).
export function* mutations(rootSchema, doc, { accepts, query = false, seen = new Set() }) {
  function* walk(schema, value, segments, normalised) {
    if (schema === undefined || schema === true) return;
    // A query string is a set of parameters: only their values can be broken, not the whole.
    const whole = segments.length === 0 && query;
    for (const m of whole ? [] : atLocation(schema, value, query)) {
      const key = `${normalised} ${m.what}`;
      if (seen.has(key)) continue;
      seen.add(key);
      yield { what: m.what, segments, apply: (copy) => setAt(copy, segments, m.value) };
    }
    const branch = branchFor(schema, value, accepts);
    if (!branch || branch.anyOf) return;
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && branch.type !== undefined) {
      for (const k of branch.required ?? []) {
        const key = `${normalised}.${k} removed`;
        if (k in value && !seen.has(key)) {
          seen.add(key);
          yield { what: 'required member removed', segments: [...segments, k], apply: (copy) => removeAt(copy, [...segments, k]) };
        }
      }
      const extra = 'genwire_unknown_member';
      if (!(extra in value) && !seen.has(`${normalised} extra`)) {
        seen.add(`${normalised} extra`);
        yield { what: 'undeclared member', segments: [...segments, extra], apply: (copy) => setAt(copy, [...segments, extra], 1) };
      }
      for (const [k, v] of Object.entries(value))
        if (branch.properties?.[k] !== undefined) yield* walk(branch.properties[k], v, [...segments, k], `${normalised}.${k}`);
    } else if (Array.isArray(value) && value.length > 0 && branch.items !== undefined) {
      yield* walk(branch.items, value[0], [...segments, 0], `${normalised}[*]`);
    }
  }
  yield* walk(rootSchema, doc, [], '$');
}

function parentOf(root, segments) {
  let node = root;
  for (const s of segments.slice(0, -1)) node = node[s];
  return node;
}

function setAt(root, segments, value) {
  if (segments.length === 0) return value;
  parentOf(root, segments)[segments.at(-1)] = value;
  return root;
}

function removeAt(root, segments) {
  delete parentOf(root, segments)[segments.at(-1)];
  return root;
}

// Probes that do not come from the schema, so that a schema looser (or tighter) than genwire
// shows up as a disagreement: null everywhere, numbers around the usual bounds, the empty string
// and an unknown word, every member removed in turn (optional ones too), an empty array.
export function* probes(doc, { query = false, seen = new Set() }) {
  const once = (key) => !seen.has(key) && (seen.add(key), true);
  function* walk(value, segments, normalised) {
    const here = (what, v) => ({ what, segments, apply: (copy) => setAt(copy, segments, v) });
    if (segments.length > 0) {
      if (!query && value !== null && once(`${normalised} null`)) yield here('null', null);
      if (typeof value === 'number')
        for (const n of [-1, 0, 0.5, 1e9]) if (n !== value && once(`${normalised} ${n}`)) yield here(`the number ${n}`, n);
      if (typeof value === 'string')
        for (const t of ['', 'genwire-probe']) if (t !== value && once(`${normalised} "${t}"`)) yield here(`the string "${t}"`, t);
      if (Array.isArray(value) && value.length > 0 && once(`${normalised} []`)) yield here('an empty array', []);
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const k of Object.keys(value)) {
        if (once(`${normalised}.${k} removed`))
          yield { what: 'member removed', segments: [...segments, k], apply: (copy) => removeAt(copy, [...segments, k]) };
        yield* walk(value[k], [...segments, k], `${normalised}.${k}`);
      }
    } else if (Array.isArray(value) && value.length > 0) {
      yield* walk(value[0], [...segments, 0], `${normalised}[*]`);
    }
  }
  yield* walk(doc, [], '$');
}
