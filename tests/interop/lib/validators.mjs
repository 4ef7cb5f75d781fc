// ajv (draft 2020-12, with ajv-formats) set up as the interop tests use it, and its errors mapped
// to genwire's paths.
import { genwirePath } from './genwire.mjs';

export async function loadPackages() {
  const { default: Ajv2020 } = await import('ajv/dist/2020.js');
  const { default: addFormats } = await import('ajv-formats');
  const { Validator } = await import('@seriousme/openapi-schema-validator');
  return { Ajv2020, addFormats, Validator };
}

// One ajv per mode: formats are asserted in strict mode only (as genwire checks them only there);
// query parameters arrive as text and are coerced to their schema's type first, as OpenAPI
// validators do. ajv's own strict mode stays on, so a schema keyword ajv does not know is an error.
export function makeAjv({ Ajv2020, addFormats }, { mode, query }) {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: false,
    allowUnionTypes: true,
    validateFormats: mode === 'strict',
    coerceTypes: query ? 'array' : false,
  });
  addFormats(ajv);
  return ajv;
}

// Segments (keys and array indexes) of the value an ajv error is about: for `required` and
// `additionalProperties`, the member itself, as genwire reports it.
export function errorSegments(error, data) {
  const pointer = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/');
  const segments = [];
  let node = data;
  for (const raw of pointer) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      segments.push(Number(key));
      node = node[Number(key)];
    } else {
      segments.push(key);
      node = node?.[key];
    }
  }
  if (error.keyword === 'required') segments.push(error.params.missingProperty);
  if (error.keyword === 'additionalProperties') segments.push(error.params.additionalProperty);
  return segments;
}

// The deepest location among ajv's errors (an anyOf reports every branch; the branch that got
// furthest is where the value went wrong), in genwire's notation, and all of them for messages.
export function ajvPaths(errors, data) {
  const all = (errors ?? []).map((e) => errorSegments(e, data));
  const deepest = all.reduce((a, b) => (b.length > a.length ? b : a), []);
  return { deepest: genwirePath(deepest), all: [...new Set(all.map(genwirePath))] };
}

// A query string as the object OpenAPI validators check: one member per parameter, an array
// when the parameter is repeated.
export function queryObject(text) {
  const params = new URLSearchParams(text.replace(/^\?/, '').replace(/[\r\n]+$/, ''));
  const out = {};
  for (const [k, v] of params) {
    if (k === '') continue;
    if (k in out) out[k] = [].concat(out[k], v);
    else out[k] = v;
  }
  return out;
}

export function queryString(object) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(object)) for (const one of [].concat(v)) params.append(k, String(one));
  return params.toString();
}
