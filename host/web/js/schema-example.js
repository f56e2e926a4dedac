// JSON Schema helpers for the API explorer: resolve local $refs, summarise a type in a few words,
// and build an example params object to prefill the editor. Pure functions (no DOM).

const MAX_DEPTH = 8;

/** Follows `#/…` references into the OpenRPC document (components.schemas etc.). */
export function resolveRef(schema, doc, seen = new Set()) {
  if (!schema || typeof schema !== 'object' || typeof schema.$ref !== 'string') return schema;
  const ref = schema.$ref;
  if (!ref.startsWith('#/') || seen.has(ref)) return {};
  seen.add(ref);
  let target = doc;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    target = target?.[key];
  }
  return resolveRef(target ?? {}, doc, seen);
}

function hasHint(schema) {
  return !!schema && typeof schema === 'object' &&
    (Array.isArray(schema.examples) && schema.examples.length > 0 ||
     'example' in schema || 'default' in schema || 'const' in schema ||
     Array.isArray(schema.enum) && schema.enum.length > 0);
}

function mainType(schema) {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null') ?? schema.type[0];
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

// Values tried, in order, against a string schema's `pattern` (version numbers, ids, names).
const PATTERN_CANDIDATES = ['1.0', '1', 'a', 'A', 'x', '0.0.0', 'a.b', 'a/b', 'a-b', 'a_b'];

function stringForPattern(schema) {
  let re;
  try {
    re = new RegExp(schema.pattern, 'u');
  } catch {
    return '';
  }
  const fits = (v) => v.length >= (schema.minLength ?? 0) && v.length <= (schema.maxLength ?? Infinity);
  return PATTERN_CANDIDATES.find((v) => fits(v) && re.test(v)) ?? '';
}

/** An example value for `schema`: its own example/default/const/enum, else one built from its type. */
export function exampleFor(schemaIn, doc = {}, depth = 0) {
  const schema = resolveRef(schemaIn, doc);
  if (schema === true || schema === undefined || schema === null) return null;
  if (schema === false) return undefined;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if ('example' in schema) return schema.example;
  if ('default' in schema) return schema.default;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (depth > MAX_DEPTH) return null;
  for (const key of ['oneOf', 'anyOf']) {
    if (Array.isArray(schema[key]) && schema[key].length > 0) return exampleFor(schema[key][0], doc, depth + 1);
  }
  if (Array.isArray(schema.allOf)) {
    return Object.assign({}, ...schema.allOf.map((s) => exampleFor(s, doc, depth + 1)).filter((v) => v && typeof v === 'object'));
  }
  switch (mainType(schema)) {
    case 'object': {
      const out = {};
      const required = new Set(schema.required ?? []);
      for (const [name, prop] of Object.entries(schema.properties ?? {})) {
        if (required.has(name) || hasHint(resolveRef(prop, doc))) out[name] = exampleFor(prop, doc, depth + 1);
      }
      return out;
    }
    case 'array': {
      if (!schema.items || Array.isArray(schema.items)) return [];
      const count = Math.max(1, schema.minItems ?? 1);
      return Array.from({ length: count }, () => exampleFor(schema.items, doc, depth + 1));
    }
    case 'string':
      if (schema.format === 'date-time') return '2025-01-01T08:00:00Z';
      if (schema.format === 'date') return '2025-01-01';
      if (schema.format === 'uri') return 'https://example.org';
      if (typeof schema.pattern === 'string') return stringForPattern(schema);
      return 'x'.repeat(Math.max(0, schema.minLength ?? 0));
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
    case 'boolean':
      return false;
    default:
      return null;
  }
}

/**
 * Example params for an OpenRPC method: the method's first example pairing if it has one, else
 * one built from the params' schemas (required params, and optional ones that suggest a value).
 */
export function exampleParams(method, doc = {}) {
  const byPosition = method.paramStructure === 'by-position';
  const pairing = (method.examples ?? []).map((e) => resolveRef(e, doc)).find((e) => Array.isArray(e?.params));
  if (pairing) {
    const values = pairing.params.map((p) => resolveRef(p, doc));
    if (byPosition) return values.map((p) => p.value);
    return Object.fromEntries(values.map((p) => [p.name, p.value]));
  }
  const params = (method.params ?? []).map((p) => resolveRef(p, doc));
  if (byPosition) return params.map((p) => exampleFor(p.schema, doc));
  const out = {};
  for (const p of params) {
    if (p.required || hasHint(resolveRef(p.schema, doc))) out[p.name] = exampleFor(p.schema, doc);
  }
  return out;
}

/** The method's params as one object schema (what a by-name call sends), for display. */
export function paramsSchema(method, doc = {}) {
  const params = (method.params ?? []).map((p) => resolveRef(p, doc));
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema ?? {}])),
    required: params.filter((p) => p.required).map((p) => p.name),
  };
}

/** A short human summary of a schema's type: `string`, `"reader" | "scanner"`, `string[]`, `object`. */
export function typeSummary(schemaIn, doc = {}, depth = 0) {
  const schema = resolveRef(schemaIn, doc);
  if (schema === true || schema === undefined) return 'any';
  if (schema === false) return 'never';
  if ('const' in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (depth > 3) return '…';
  for (const key of ['oneOf', 'anyOf']) {
    if (Array.isArray(schema[key])) return schema[key].map((s) => typeSummary(s, doc, depth + 1)).join(' | ');
  }
  const type = mainType(schema);
  if (type === 'array') {
    const inner = schema.items && !Array.isArray(schema.items) ? typeSummary(schema.items, doc, depth + 1) : 'any';
    return inner.includes(' ') ? `(${inner})[]` : `${inner}[]`;
  }
  if (Array.isArray(schema.type)) return schema.type.join(' | ');
  return type ?? 'any';
}

/** The method family shown in the explorer: the name without its last segment ("admin.simulator"). */
export function familyOf(name) {
  const i = name.lastIndexOf('.');
  return i > 0 ? name.slice(0, i) : name;
}
