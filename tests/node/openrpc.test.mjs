// rpc.discover: the OpenRPC document is valid against the OpenRPC meta-schema, describes every
// method with params and result schemas, lists the API's methods, and the daemon's actual replies
// conform to the result schemas it publishes.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { openrpcDocument } from '@open-rpc/meta-schema';
import { jsonSchema } from '@json-schema-tools/meta-schema';
import { ALLOWED_ORIGIN, startDaemon } from './daemon.mjs';
import { openSession } from './rpc.mjs';

const EXPECTED_METHODS = [
  'system.hello', 'system.info', 'system.health',
  'devices.list', 'admin.plugins',
  'events.subscribe', 'events.unsubscribe',
  'admin.simulator.insertCard', 'admin.simulator.removeCard',
  'rpc.discover',
];

// The OpenRPC meta-schema declares `$schema: https://meta.json-schema.tools/` and references that
// JSON-Schema meta-schema with and without the trailing slash; ajv knows neither, so both are
// registered from @json-schema-tools/meta-schema and `$schema` is dropped (ajv then uses draft-07,
// which those schemas are written in). strict:false because the meta-schemas use keywords and
// formats outside ajv's strict vocabulary. The OpenRPC meta-schema itself is registered too, so a
// result schema may reference it (rpc.discover's result).
function copySchema(schema, id) {
  const c = structuredClone(schema);
  delete c.$schema;
  if (id) c.$id = id;
  return c;
}

// Formats are checked in ajv-formats' "fast" mode, as the reference validator
// (@open-rpc/schema-utils-js) does: the spec lets a server url carry {variables}
// ("ws://127.0.0.1:{port}/v1"), which the "full" RFC 3986 regex would wrongly reject.
function makeAjv() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv, { mode: 'fast' });
  ajv.addSchema(copySchema(jsonSchema, 'https://meta.json-schema.tools'));
  ajv.addSchema(copySchema(jsonSchema, 'https://meta.json-schema.tools/'));
  ajv.addSchema(copySchema(openrpcDocument));
  return ajv;
}

function openRpcValidator() {
  return makeAjv().getSchema(openrpcDocument.$id);
}

// Validates a value against a schema from the document; `#/components/...` references resolve
// against the document's components. Returns a list of problems (empty when valid).
function schemaValidator(doc) {
  const ajv = makeAjv();
  return (schema, value) => {
    const rooted = typeof schema === 'boolean' ? schema : { ...schema, components: doc.components ?? {} };
    let validate;
    try {
      validate = ajv.compile(rooted);
    } catch (err) {
      return [`schema does not compile: ${err.message}`];
    }
    return validate(value) ? [] : validate.errors;
  };
}

describe('rpc.discover', () => {
  let daemon;
  let session;
  let doc;

  before(async () => {
    daemon = await startDaemon();
    session = await openSession(daemon, { origin: ALLOWED_ORIGIN });
    doc = await session.call('rpc.discover', {});
  });

  after(async () => {
    await session?.close();
    daemon?.kill();
  });

  test('returns an OpenRPC 1.2.6 document', () => {
    assert.equal(typeof doc, 'object');
    assert.equal(doc.openrpc, '1.2.6');
    assert.equal(typeof doc.info?.title, 'string');
    assert.equal(typeof doc.info?.version, 'string');
    assert.ok(Array.isArray(doc.methods) && doc.methods.length > 0, 'methods is a non-empty array');
  });

  test('validates against the OpenRPC meta-schema', () => {
    const validate = openRpcValidator();
    const valid = validate(doc);
    assert.ok(valid, `meta-schema violations:\n${JSON.stringify(validate.errors?.slice(0, 20), null, 2)}`);
  });

  test('the meta-schema check is not vacuous (a broken document is rejected)', () => {
    const validate = openRpcValidator();
    const broken = structuredClone(doc);
    broken.methods[0].params = [{ name: 'x', schema: { type: 'no-such-type' } }];
    assert.equal(validate(broken), false);
  });

  test('lists every method of the API', () => {
    const names = doc.methods.map((m) => m.name);
    const missing = EXPECTED_METHODS.filter((name) => !names.includes(name));
    assert.deepEqual(missing, [], `methods missing from rpc.discover: ${missing.join(', ')}`);
    assert.equal(new Set(names).size, names.length, 'method names are unique');
  });

  test('every method has params and a result, each with a schema', () => {
    const problems = [];
    for (const m of doc.methods) {
      if ('$ref' in m) { problems.push(`${m.$ref}: method given as a $ref, not inline`); continue; }
      if (!Array.isArray(m.params)) problems.push(`${m.name}: params is not an array`);
      for (const p of m.params ?? []) {
        if (typeof p.name !== 'string' || !p.name) problems.push(`${m.name}: a param has no name`);
        if (!('schema' in p)) problems.push(`${m.name}.${p.name}: param has no schema`);
      }
      if (!m.result || typeof m.result !== 'object') problems.push(`${m.name}: no result`);
      else if (!('schema' in m.result)) problems.push(`${m.name}: result has no schema`);
    }
    assert.deepEqual(problems, []);
  });

  test('every method has a summary (the console API explorer shows it)', () => {
    const without = doc.methods.filter((m) => typeof m.summary !== 'string' || !m.summary.trim());
    assert.deepEqual(without.map((m) => m.name), []);
  });

  test('methods with parameters describe them (system.hello, devices.list, events.subscribe)', () => {
    const byName = new Map(doc.methods.map((m) => [m.name, m]));
    const paramNames = (name) => (byName.get(name)?.params ?? []).map((p) => p.name);
    assert.ok(paramNames('system.hello').includes('apiVersions'), `system.hello params: ${paramNames('system.hello')}`);
    assert.ok(paramNames('devices.list').includes('kind'), `devices.list params: ${paramNames('devices.list')}`);
    assert.ok(paramNames('events.subscribe').includes('topics'), `events.subscribe params: ${paramNames('events.subscribe')}`);
    const apiVersions = byName.get('system.hello').params.find((p) => p.name === 'apiVersions');
    assert.equal(apiVersions.required, true, 'system.hello apiVersions is required');
  });

  test('real replies conform to the published result schemas', async () => {
    const check = schemaValidator(doc);
    const byName = new Map(doc.methods.map((m) => [m.name, m]));
    const calls = [
      ['system.hello', { client: 'onestop-node-tests', apiVersions: ['1.0'] }],
      ['system.info', {}],
      ['system.health', {}],
      ['devices.list', {}],
      ['admin.plugins', {}],
      ['events.subscribe', { topics: ['device.*'] }],
      ['events.unsubscribe', { topics: ['device.*'] }],
    ];
    const problems = [];
    for (const [method, params] of calls) {
      const result = await session.call(method, params);
      const errors = check(byName.get(method).result.schema, result);
      if (errors.length) problems.push(`${method}: ${JSON.stringify(errors.slice(0, 5))}`);
    }
    // rpc.discover describes itself too.
    const errors = check(byName.get('rpc.discover').result.schema, doc);
    if (errors.length) problems.push(`rpc.discover: ${JSON.stringify(errors.slice(0, 5))}`);
    assert.deepEqual(problems, []);
  });

  test('daemon stops cleanly on SIGTERM (exit 0, port file removed)', async () => {
    await session.close();
    await daemon.stop();
  });
});
