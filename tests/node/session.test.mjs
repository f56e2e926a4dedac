// A session's life over the JSON-RPC API: version negotiation, discovery, devices and plugins,
// events routed only to subscribed sessions, batches, and the protocol and validation errors.

import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { ALLOWED_ORIGIN, startDaemon } from './daemon.mjs';
import { RpcSession, openSession, typedErrorProblems } from './rpc.mjs';

const READER = 'simulator/reader-0';
const HEX = /^[0-9A-Fa-f]+$/;
const QUIET_MS = 300; // how long to wait to be sure an event was NOT delivered (after a witness got it)

/** Calls a method expecting an error; returns the JSON-RPC error object. */
async function callError(session, method, params) {
  const reply = await session.request(method, params);
  assert.ok('error' in reply, `${method} ${JSON.stringify(params)} should fail, got ${JSON.stringify(reply).slice(0, 300)}`);
  return reply.error;
}

async function reader0(session) {
  const { devices } = await session.call('devices.list', {});
  return devices.find((d) => d.id === READER);
}

describe('JSON-RPC session', () => {
  let daemon;
  const sessions = [];
  const open = async (credentials) => {
    const s = await openSession(daemon, credentials);
    sessions.push(s);
    return s;
  };

  // Sessions opened by a test are closed after it (the test config caps connections at 16).
  const closeAll = () => Promise.all(sessions.splice(0).map((s) => s.close()));

  before(async () => { daemon = await startDaemon(); });
  afterEach(closeAll);
  after(async () => {
    await closeAll();
    daemon?.kill();
  });

  test('hello → rpc.discover → devices.list round trip', async () => {
    const s = await RpcSession.connect(daemon.wsUrl, { origin: ALLOWED_ORIGIN });
    sessions.push(s);
    const hello = await s.call('system.hello', { client: 'onestop-node-tests', apiVersions: ['1.0'] });
    assert.equal(hello.apiVersion, '1.0');
    assert.equal(typeof hello.version, 'string');
    assert.ok(hello.version.length > 0);
    assert.ok(Array.isArray(hello.features) && hello.features.every((f) => typeof f === 'string'));

    const doc = await s.call('rpc.discover', {});
    assert.equal(typeof doc.openrpc, 'string');
    assert.ok(doc.methods.some((m) => m.name === 'devices.list'));

    const { devices } = await s.call('devices.list', {});
    assert.ok(Array.isArray(devices));
    const reader = devices.find((d) => d.id === READER);
    assert.ok(reader, `${READER} listed; got ${devices.map((d) => d.id).join(', ')}`);
    assert.equal(reader.kind, 'reader');
    assert.equal(reader.plugin, 'simulator');
    assert.equal(reader.simulated, true);
    assert.equal(typeof reader.name, 'string');
    assert.ok(reader.name.length > 0);
    assert.equal(typeof reader.cardPresent, 'boolean');
    for (const d of devices) {
      assert.ok(['reader', 'scanner', 'printer'].includes(d.kind), `${d.id} kind ${d.kind}`);
      assert.ok(d.id.startsWith(`${d.plugin}/`), `${d.id} is "<plugin>/<local id>"`);
    }
  });

  test('devices.list filters by kind', async () => {
    const s = await open({ origin: ALLOWED_ORIGIN });
    const readers = (await s.call('devices.list', { kind: 'reader' })).devices;
    assert.ok(readers.some((d) => d.id === READER));
    assert.ok(readers.every((d) => d.kind === 'reader'));
    const printers = (await s.call('devices.list', { kind: 'printer' })).devices;
    assert.ok(printers.every((d) => d.kind === 'printer'));
    assert.ok(!printers.some((d) => d.id === READER));
  });

  test('system.hello without a common API version → UNSUPPORTED_API_VERSION (typed error)', async () => {
    const s = await open({ origin: ALLOWED_ORIGIN });
    const error = await callError(s, 'system.hello', { client: 'future', apiVersions: ['9.0'] });
    assert.deepEqual(typedErrorProblems(error), []);
    assert.equal(error.data.reason, 'UNSUPPORTED_API_VERSION');
  });

  test('system.info and system.health describe this daemon', async () => {
    const s = await open({ token: daemon.token });
    const info = await s.call('system.info', {});
    assert.equal(typeof info.version, 'string');
    assert.ok(info.apiVersions.includes('1.0'));
    assert.equal(typeof info.platform, 'string');
    assert.equal(info.pid, daemon.pid);
    assert.ok(!Number.isNaN(Date.parse(info.startedAt)), `startedAt ${info.startedAt} is a date`);
    assert.ok(Math.abs(Date.parse(info.startedAt) - Date.now()) < 10 * 60_000, 'startedAt is recent');
    assert.ok(typeof info.uptimeSeconds === 'number' && info.uptimeSeconds >= 0);

    const health = await s.call('system.health', {});
    assert.ok(['ok', 'degraded'].includes(health.status), `status ${health.status}`);
    assert.ok(typeof health.uptimeSeconds === 'number' && health.uptimeSeconds >= 0);
    const plugins = health.checks?.plugins;
    assert.ok(plugins, 'checks.plugins');
    assert.equal(typeof plugins.status, 'string');
    assert.ok(Number.isInteger(plugins.loaded) && plugins.loaded >= 1, `loaded ${plugins.loaded}`);
    assert.ok(Number.isInteger(plugins.failed) && plugins.failed >= 0, `failed ${plugins.failed}`);
  });

  test('admin.plugins reports the simulator as loaded', async () => {
    const s = await open({ token: daemon.token });
    const { plugins } = await s.call('admin.plugins', {});
    const sim = plugins.find((p) => p.id === 'simulator');
    assert.ok(sim, `simulator listed; got ${plugins.map((p) => p.id).join(', ')}`);
    assert.equal(sim.state, 'loaded');
    assert.ok(sim.kinds.includes('reader'));
    assert.match(sim.abi, /^\d+\.\d+$/);
    assert.equal(typeof sim.version, 'string');
    assert.equal(typeof sim.vendor, 'string');
    for (const p of plugins) {
      assert.ok(['loaded', 'failed'].includes(p.state), `${p.id} state ${p.state}`);
      if (p.state === 'failed') assert.equal(typeof p.reason, 'string', `${p.id} failed without a reason`);
    }
  });

  test('events: only the session subscribed to card.* gets card.inserted and card.removed', async () => {
    const watcher = await open({ origin: ALLOWED_ORIGIN }); // subscribes to card.*
    const actor = await open({ token: daemon.token }); // subscribes to device.* only, drives the simulator
    if ((await reader0(actor)).cardPresent) await actor.call('admin.simulator.removeCard', { reader: READER });

    const sub = await watcher.call('events.subscribe', { topics: ['card.*'] });
    assert.ok(sub.topics.includes('card.*'), `topics ${JSON.stringify(sub.topics)}`);
    const actorSub = await actor.call('events.subscribe', { topics: ['device.*'] });
    assert.deepEqual(actorSub.topics, ['device.*']);

    const inserted = await actor.call('admin.simulator.insertCard', { reader: READER, card: 'echo' });
    assert.equal(inserted.reader, READER);
    assert.match(inserted.atr, HEX);
    const ev1 = await watcher.waitForNotification('card.inserted');
    assert.equal(ev1.jsonrpc, '2.0');
    assert.equal(ev1.params.reader, READER);
    assert.equal(ev1.params.atr.toUpperCase(), inserted.atr.toUpperCase());
    assert.equal((await reader0(actor)).cardPresent, true, 'devices.list shows the card');

    const removed = await actor.call('admin.simulator.removeCard', { reader: READER });
    assert.equal(removed.reader, READER);
    const ev2 = await watcher.waitForNotification('card.removed');
    assert.equal(ev2.params.reader, READER);
    assert.equal((await reader0(actor)).cardPresent, false, 'devices.list shows no card');

    await sleep(QUIET_MS);
    const leaked = actor.notifications.filter((n) => n.method.startsWith('card.'));
    assert.deepEqual(leaked.map((n) => n.method), [], 'the unsubscribed session got card events');
    assert.deepEqual(watcher.notifications.map((n) => n.method), [], 'no duplicate or extra events');
  });

  test('events: subscriptions accumulate, exact topics filter, unsubscribe stops delivery', async () => {
    const s = await open({ origin: ALLOWED_ORIGIN });
    const witness = await open({ origin: ALLOWED_ORIGIN }); // proves an event was dispatched
    const actor = await open({ token: daemon.token });
    if ((await reader0(actor)).cardPresent) await actor.call('admin.simulator.removeCard', { reader: READER });
    await witness.call('events.subscribe', { topics: ['card.*'] });

    await s.call('events.subscribe', { topics: ['device.*'] });
    const both = await s.call('events.subscribe', { topics: ['card.inserted'] });
    assert.deepEqual([...both.topics].sort(), ['card.inserted', 'device.*'], 'all current subscriptions');

    await actor.call('admin.simulator.insertCard', { reader: READER });
    await s.waitForNotification('card.inserted');
    await actor.call('admin.simulator.removeCard', { reader: READER });
    await witness.waitForNotification('card.removed');
    await sleep(QUIET_MS);
    assert.deepEqual(s.notifications.map((n) => n.method), [], 'card.removed went to a card.inserted-only session');

    const left = await s.call('events.unsubscribe', { topics: ['card.inserted'] });
    assert.deepEqual(left.topics, ['device.*']);
    witness.notifications.length = 0;
    await actor.call('admin.simulator.insertCard', { reader: READER });
    await witness.waitForNotification('card.inserted');
    await actor.call('admin.simulator.removeCard', { reader: READER });
    await witness.waitForNotification('card.removed');
    await sleep(QUIET_MS);
    assert.deepEqual(s.notifications.map((n) => n.method), [], 'events after unsubscribe');
  });

  test('a batch with notifications and bad entries returns exactly the expected replies', async () => {
    const s = await open({ origin: ALLOWED_ORIGIN });
    s.sendRaw(JSON.stringify([
      { jsonrpc: '2.0', method: 'system.info', params: {} }, // notification: no reply
      { jsonrpc: '2.0', id: 'b1', method: 'system.info', params: {} },
      { foo: 'boo' }, // invalid request: -32600, id null
      { jsonrpc: '2.0', id: 'b3', method: 'no.such.method', params: {} },
    ]));
    const replies = await s.nextRaw();
    assert.ok(Array.isArray(replies), `batch reply is an array: ${JSON.stringify(replies).slice(0, 300)}`);
    assert.equal(replies.length, 3, JSON.stringify(replies).slice(0, 500));
    for (const r of replies) assert.equal(r.jsonrpc, '2.0');
    const byId = (id) => replies.filter((r) => r.id === id);
    assert.equal(byId('b1').length, 1);
    assert.equal(byId('b1')[0].result.pid, daemon.pid);
    assert.equal(byId(null).length, 1);
    assert.equal(byId(null)[0].error.code, -32600);
    assert.equal(byId('b3').length, 1);
    assert.equal(byId('b3')[0].error.code, -32601);
  });

  test('an all-notification batch gets no reply; an empty batch is one -32600', async () => {
    const s = await open({ origin: ALLOWED_ORIGIN });
    s.sendRaw(JSON.stringify([
      { jsonrpc: '2.0', method: 'system.info', params: {} },
      { jsonrpc: '2.0', method: 'no.such.method' },
    ]));
    await s.call('system.info', {});
    await sleep(QUIET_MS);
    assert.deepEqual(s.raw, [], 'notifications were answered');

    s.sendRaw('[]');
    const reply = await s.nextRaw();
    assert.ok(!Array.isArray(reply), 'the reply to [] is a single object');
    assert.equal(reply.id, null);
    assert.equal(reply.error?.code, -32600);
  });

  test('malformed JSON → -32700 with id null; a non-2.0 request → -32600', async () => {
    const s = await open({ origin: ALLOWED_ORIGIN });
    s.sendRaw('{"jsonrpc": "2.0", "method": "system.info", "id": 1');
    const parse = await s.nextRaw();
    assert.equal(parse.id, null);
    assert.equal(parse.error?.code, -32700);

    assert.equal((await s.call('system.info', {})).pid, daemon.pid, 'session still usable after a parse error');
    s.sendRaw(JSON.stringify({ jsonrpc: '1.0', id: 'old', method: 'system.info' }));
    const v1 = await s.nextRaw();
    assert.equal(v1.error?.code, -32600);
    assert.ok(v1.id === 'old' || v1.id === null, `id ${v1.id}`);
  });

  test('unknown method → -32601 with the request id', async () => {
    const s = await open({ origin: ALLOWED_ORIGIN });
    const reply = await s.request('no.such.method', {});
    assert.equal(reply.jsonrpc, '2.0');
    assert.equal(typeof reply.id, 'number');
    assert.equal(reply.error?.code, -32601);
    assert.ok(!('result' in reply));
  });

  test('bad params → -32602 with reason VALIDATION_FAILED and the schema violations', async () => {
    const s = await open({ origin: ALLOWED_ORIGIN });
    const cases = [
      ['devices.list', { kind: 'toaster' }],
      ['system.hello', { apiVersions: '1.0' }],
      ['system.hello', {}],
      ['events.subscribe', { topics: 'card.*' }],
      ['admin.simulator.insertCard', { reader: 42 }],
    ];
    for (const [method, params] of cases) {
      const error = await callError(s, method, params);
      const what = `${method} ${JSON.stringify(params)}`;
      assert.equal(error.code, -32602, `${what}: code ${error.code}`);
      assert.equal(error.data?.reason, 'VALIDATION_FAILED', `${what}: reason ${error.data?.reason}`);
      const errors = error.data?.details?.errors;
      assert.ok(Array.isArray(errors) && errors.length > 0, `${what}: details.errors ${JSON.stringify(errors)}`);
      assert.equal(typeof error.data.message?.vi, 'string', `${what}: message.vi`);
      assert.equal(typeof error.data.message?.en, 'string', `${what}: message.en`);
    }
  });

  test('an unknown reader is a typed error, not a result', async () => {
    const s = await open({ origin: ALLOWED_ORIGIN });
    const error = await callError(s, 'admin.simulator.insertCard', { reader: 'simulator/no-such-reader' });
    if (error.code !== -32602) assert.deepEqual(typedErrorProblems(error), []);
  });

  test('an origin limited to some method families gets PERMISSION_DENIED for the others', async () => {
    // The test config allows http://reports.test.example:8080 for the "system" and "rpc" families only.
    const s = await open({ origin: 'http://reports.test.example:8080' });
    assert.equal((await s.call('system.info', {})).pid, daemon.pid, 'an allowed family works');
    await s.call('rpc.discover', {});
    for (const [method, params] of [['devices.list', {}], ['admin.simulator.insertCard', { reader: READER }],
      ['events.subscribe', { topics: ['card.*'] }]]) {
      const error = await callError(s, method, params);
      assert.deepEqual(typedErrorProblems(error), [], `${method}: ${JSON.stringify(error)}`);
      assert.equal(error.data.reason, 'PERMISSION_DENIED', `${method}: reason ${error.data.reason}`);
    }
    const { devices } = await (await open({ token: daemon.token })).call('devices.list', {});
    assert.equal(devices.find((d) => d.id === READER).cardPresent, false, 'the denied insertCard did nothing');
  });

  test('daemon stops cleanly on SIGTERM (exit 0, port file removed)', async () => {
    await daemon.stop();
  });
});
