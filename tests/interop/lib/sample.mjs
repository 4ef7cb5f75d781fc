// A document built from a schema alone, with every member the schema declares (optional ones
// too) and values inside every bound: what the schema says is valid, so genwire must accept it,
// and its broken copies reach the schema's every keyword, including those no example uses.

const validString = { 'date-time': '2025-06-01T12:00:00Z', uuid: '3c90c3cc-0d44-4b50-8888-8dd25736052a', uri: 'https://example.com/a' };

function number(schema, integer) {
  const lo = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum : undefined);
  const hi = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum : undefined);
  const safe = (n) => n !== undefined && Math.abs(n) <= Number.MAX_SAFE_INTEGER;
  let v;
  if (safe(lo) && safe(hi)) v = (lo + hi) / 2;
  else if (safe(lo)) v = lo + 1;
  else if (safe(hi)) v = hi - 1;
  else v = 7;
  return integer ? Math.ceil(v) : v;
}

export function sample(schema) {
  if (schema === true || Object.keys(schema).length === 0) return { any: ['value', 1] };
  if (schema.anyOf) return sample(schema.anyOf.find((b) => b.type !== 'null'));
  if (schema.enum) return schema.enum.find((v) => v !== null);
  const type = [].concat(schema.type).find((t) => t !== 'null');
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, sample(s)]));
    case 'array':
      return Array.from({ length: schema.minItems ?? 1 }, () => sample(schema.items));
    case 'string': {
      const base = validString[schema.format] ?? 'text';
      return base.padEnd(schema.minLength ?? 0, 'x');
    }
    case 'integer':
      return number(schema, true);
    case 'number':
      return number(schema, false);
    case 'boolean':
      return true;
    default:
      throw new Error(`cannot sample a schema of type ${JSON.stringify(schema.type)}`);
  }
}
