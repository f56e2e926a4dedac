// The built-in web console (host/web), checked without a browser or a daemon: both languages are
// complete, the page and the code agree on ids and strings, nothing comes from outside, nothing is
// logged, and the pure modules (i18n, schema examples, the RPC client's reconnect logic, the
// procedure wizard's helpers) behave.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const WEB = resolve(dirname(fileURLToPath(import.meta.url)), '../../host/web');
const read = (rel) => readFileSync(join(WEB, rel), 'utf8');
const webFiles = (dir = WEB) => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? webFiles(join(dir, e.name)) : [join(dir, e.name)]);
const jsFiles = () => webFiles().filter((f) => f.endsWith('.js'));
const importWeb = (rel) => import(pathToFileURL(join(WEB, rel)).href);

// Node 18 has no global CustomEvent (browsers and Node 19+ do); the RPC client dispatches them.
globalThis.CustomEvent ??= class CustomEvent extends Event {
  constructor(type, init = {}) {
    super(type, init);
    this.detail = init.detail ?? null;
  }
};

const html = read('index.html');
const { STRINGS, LANGS, DEFAULT_LANG } = await importWeb('js/i18n.js');

const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('console: page', () => {
  test('index.html is Vietnamese by default and loads main.js as an ES module', () => {
    assert.match(html, /^<!doctype html>/i);
    assert.match(html, /<html[^>]*\slang="vi"/);
    assert.match(html, /<meta charset="utf-8">/i);
    assert.match(html, /<script type="module" src="js\/main\.js"><\/script>/);
    assert.equal(DEFAULT_LANG, 'vi');
  });

  test('every local file the page references exists; nothing comes from another host (no CDN, no web font)', () => {
    const refs = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    for (const ref of refs) {
      if (ref.startsWith('#') || ref.startsWith('data:')) continue;
      assert.ok(!/^[a-z]+:|^\/\//i.test(ref), `external reference ${ref}`);
      assert.ok(existsSync(join(WEB, ref)), `${ref} is missing`);
    }
    for (const file of webFiles()) {
      const text = readFileSync(file, 'utf8');
      const rel = relative(WEB, file);
      assert.doesNotMatch(text, /@import|@font-face|url\(\s*['"]?(https?:)?\/\//, `${rel} loads a remote stylesheet or font`);
      assert.doesNotMatch(text, /(?:import|from)\s*\(?\s*['"](https?:)?\/\//, `${rel} imports a remote module`);
    }
  });

  test('every id the scripts look up exists in index.html, exactly once', () => {
    const ids = new Set();
    for (const file of jsFiles()) {
      for (const m of readFileSync(file, 'utf8').matchAll(/byId\('([^']+)'\)/g)) ids.add(m[1]);
    }
    assert.ok(ids.size > 20, 'the scripts use byId');
    for (const id of ids) {
      const count = (html.match(new RegExp(`\\sid="${id}"`, 'g')) ?? []).length;
      assert.equal(count, 1, `#${id} appears ${count} times in index.html`);
    }
  });

  test('tabs and panels are wired for assistive technology', () => {
    const tabs = [...html.matchAll(/<button[^>]*role="tab"[^>]*>/g)].map((m) => m[0]);
    assert.equal(tabs.length, 7);
    for (const tab of tabs) {
      const panel = tab.match(/aria-controls="([^"]+)"/)?.[1];
      const id = tab.match(/\sid="([^"]+)"/)?.[1];
      assert.ok(panel && id, tab);
      assert.match(html, new RegExp(`id="${panel}"[^>]*role="tabpanel"[^>]*aria-labelledby="${id}"`));
    }
    assert.match(html, /class="skip-link" href="#main"/);
    assert.match(html, /id="announcer"[^>]*aria-live="polite"/);
    assert.match(html, /id="conn"[^>]*role="status"/);
    // Every form control has a label.
    for (const m of html.matchAll(/<(input|textarea|select)[^>]*\sid="([^"]+)"/g)) {
      assert.match(html, new RegExp(`<label[^>]*for="${m[2]}"`), `#${m[2]} has no <label>`);
    }
  });

  test('the scripts never log (results may hold citizen data) and never inject HTML', () => {
    for (const file of jsFiles()) {
      const text = readFileSync(file, 'utf8');
      const rel = relative(WEB, file);
      assert.doesNotMatch(text, /\bconsole\.\w+\(/, `${rel} writes to the console`);
      assert.doesNotMatch(text, /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/, `${rel} injects HTML`);
      assert.doesNotMatch(text, /\beval\(|new Function\(/, `${rel} evaluates strings`);
    }
  });

  test('every script parses, and every relative import resolves', () => {
    for (const file of jsFiles()) {
      execFileSync(process.execPath, ['--check', file]);
      for (const m of readFileSync(file, 'utf8').matchAll(/from\s+'(\.[^']+)'/g)) {
        assert.ok(existsSync(join(dirname(file), m[1])), `${relative(WEB, file)} imports missing ${m[1]}`);
      }
    }
  });
});

describe('console: strings', () => {
  test('Vietnamese and English have the same keys, all non-empty, with the same placeholders', () => {
    assert.deepEqual(LANGS, ['vi', 'en']);
    const vi = Object.keys(STRINGS.vi).sort();
    const en = Object.keys(STRINGS.en).sort();
    assert.deepEqual(vi.filter((k) => !en.includes(k)), [], 'keys missing in English');
    assert.deepEqual(en.filter((k) => !vi.includes(k)), [], 'keys missing in Vietnamese');
    for (const key of vi) {
      for (const lang of LANGS) {
        assert.equal(typeof STRINGS[lang][key], 'string', `${lang}.${key}`);
        assert.ok(STRINGS[lang][key].trim().length > 0, `${lang}.${key} is empty`);
      }
      assert.deepEqual(placeholders(STRINGS.vi[key]), placeholders(STRINGS.en[key]), `placeholders of ${key}`);
    }
  });

  test('the Vietnamese table is really Vietnamese (diacritics) and differs from English', () => {
    const differs = Object.keys(STRINGS.vi).filter((k) => STRINGS.vi[k] !== STRINGS.en[k]);
    assert.ok(differs.length > Object.keys(STRINGS.vi).length * 0.8, 'most strings are translated');
    assert.match(STRINGS.vi['conn.open'], /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
  });

  test('every key used by the page and the scripts exists', () => {
    const used = new Set();
    for (const m of html.matchAll(/data-i18n="([^"]+)"/g)) used.add(m[1]);
    for (const m of html.matchAll(/data-i18n-attr="([^"]+)"/g)) {
      for (const pair of m[1].split(';')) used.add(pair.split(':')[1]);
    }
    const prefixes = new Set();
    for (const file of jsFiles()) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\('([^']+)'/g)) used.add(m[1]);
      for (const m of text.matchAll(/\bt\(([^)]*?)\?\s*'([^']+)'\s*:\s*'([^']+)'/g)) { used.add(m[2]); used.add(m[3]); }
      for (const m of text.matchAll(/`([a-z]+(?:\.[a-z]+)*\.)\$\{/gi)) prefixes.add(m[1]);
    }
    assert.ok(used.size > 60, `found ${used.size} keys in use`);
    const missing = [...used].filter((k) => !(k in STRINGS.vi));
    assert.deepEqual(missing, [], 'keys used but not defined');
    for (const prefix of prefixes) {
      assert.ok(Object.keys(STRINGS.vi).some((k) => k.startsWith(prefix)), `no key starts with ${prefix}`);
    }
    for (const kind of ['reader', 'scanner', 'printer']) assert.ok(`devices.kind.${kind}` in STRINGS.vi);
    for (const state of ['connecting', 'open', 'closed']) assert.ok(`conn.${state}` in STRINGS.vi);
  });
});

describe('console: i18n module', () => {
  test('t() fills placeholders; setLang switches and remembers the language', async () => {
    const i18n = await importWeb('js/i18n.js');
    const store = new Map();
    globalThis.localStorage = { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, v) };
    try {
      i18n.initLang();
      assert.equal(i18n.currentLang(), 'vi', 'Vietnamese when nothing is remembered');
      assert.equal(i18n.t('conn.retryIn', { seconds: 4 }), 'Tự động thử lại sau 4 giây.');
      let heard = null;
      i18n.onLangChange((lang) => { heard = lang; });
      i18n.setLang('en');
      assert.equal(heard, 'en');
      assert.equal(i18n.t('conn.retryIn', { seconds: 4 }), 'Retrying automatically in 4 s.');
      assert.deepEqual([...store.values()], ['en']);
      i18n.setLang('fr'); // not a language of ours: ignored
      assert.equal(i18n.currentLang(), 'en');
      i18n.initLang();
      assert.equal(i18n.currentLang(), 'en', 'the remembered choice wins');
      assert.equal(i18n.formatDuration(93784), '1 d 2 h 3 min');
      const typed = { name: 'RpcError', code: 1010, message: 'x', data: { message: { vi: 'Thẻ bị rút ra', en: 'Card removed' } } };
      assert.equal(i18n.errorText(typed), 'Card removed');
      i18n.setLang('vi');
      assert.equal(i18n.errorText(typed), 'Thẻ bị rút ra');
      assert.equal(i18n.formatDuration(93784), '1 ngày 2 giờ 3 phút');
      assert.equal(i18n.errorText({ name: 'ConnectionError' }), STRINGS.vi['error.connection']);
    } finally {
      delete globalThis.localStorage;
    }
  });
});

describe('console: procedure wizard helpers', () => {
  test('time limits and fees read as the counter says them, in both languages', async () => {
    const i18n = await importWeb('js/i18n.js');
    const { formatTimeLimit, formatFee, formatMoney } = await importWeb('js/procedure-format.js');
    i18n.setLang('vi');
    assert.equal(formatTimeLimit({ workingDays: 3 }), '3 ngày làm việc');
    assert.equal(formatTimeLimit({ workingDays: 1, maxWorkingDays: 2 }), '1–2 ngày làm việc');
    assert.equal(formatTimeLimit({ immediate: true }), STRINGS.vi['proc.time.immediate']);
    assert.equal(formatTimeLimit(undefined), STRINGS.vi['proc.time.unknown']);
    assert.equal(formatMoney(15000), '15.000 đồng');
    assert.equal(formatFee({ inPerson: 15000, online: 7000, currency: 'VND' }),
      'Nộp trực tiếp: 15.000 đồng · Nộp trực tuyến: 7.000 đồng');
    assert.equal(formatFee({ inPerson: 0, online: 0 }), STRINGS.vi['proc.fee.free']);
    assert.equal(formatFee({ inPerson: 20000, online: 10000, note: { vi: 'miễn cho trẻ em', en: 'children free' } }),
      'Nộp trực tiếp: 20.000 đồng · Nộp trực tuyến: 10.000 đồng (miễn cho trẻ em)');
    i18n.setLang('en');
    try {
      assert.equal(formatTimeLimit({ workingDays: 7 }), '7 working day(s)');
      assert.equal(formatFee({ inPerson: 15000, online: 7000 }), 'In person: 15,000 VND · Online: 7,000 VND');
    } finally {
      i18n.setLang('vi');
    }
  });

  test('problems land under their field, errors first; unknown fields are not dropped', async () => {
    const { problemsByField, baseField, countProblems, problemText, tableCell } = await importWeb('js/procedure-format.js');
    assert.equal(baseField('members[1].full_name'), 'members');
    assert.equal(baseField('members.0.sex'), 'members');
    assert.equal(baseField('phone'), 'phone');
    assert.deepEqual(tableCell('members[1].full_name'), { field: 'members', row: 1, column: 'full_name' });
    assert.deepEqual(tableCell('members.0.sex'), { field: 'members', row: 0, column: 'sex' });
    assert.equal(tableCell('phone'), null);
    assert.equal(tableCell(undefined), null);
    const problems = [
      { field: 'phone', code: 'PHONE_KIND', severity: 'warning', vi: 'Số cố định', en: 'Landline' },
      { field: 'phone', code: 'PHONE_INVALID', severity: 'error', vi: 'Số điện thoại không hợp lệ', en: 'Invalid phone' },
      { field: 'members[0].date_of_birth', code: 'DATE_INVALID', severity: 'error', vi: 'Ngày không hợp lệ', en: 'Bad date' },
      { field: 'nonexistent', code: 'X', severity: 'error', vi: 'x', en: 'x' },
      { code: 'FORM', severity: 'warning', vi: 'y', en: 'y' },
    ];
    const { byField, others } = problemsByField(problems, ['phone', 'members', 'full_name']);
    assert.deepEqual(byField.get('phone').map((p) => p.code), ['PHONE_INVALID', 'PHONE_KIND']);
    assert.deepEqual(byField.get('members').map((p) => p.code), ['DATE_INVALID']);
    assert.equal(byField.has('full_name'), false);
    assert.deepEqual(others.map((p) => p.code), ['X', 'FORM']);
    assert.deepEqual(countProblems(problems), { errors: 3, warnings: 2 });
    assert.deepEqual(problemsByField(null, ['a']).others, []);
    assert.equal(problemText(problems[1]), 'Số điện thoại không hợp lệ');
    assert.equal(problemText({ code: 'ONLY_CODE' }), 'ONLY_CODE');
  });

  test('pending edits: the newest value wins; a failed patch goes back under newer edits', async () => {
    const { PendingEdits } = await importWeb('js/procedure-format.js');
    const edits = new PendingEdits();
    assert.equal(edits.empty, true);
    edits.set('phone', '09');
    edits.set('phone', '0912345678');
    edits.set('email', 'a@example.com');
    const sent = edits.take();
    assert.deepEqual(sent, { phone: '0912345678', email: 'a@example.com' });
    assert.equal(edits.empty, true);
    edits.set('phone', '0987654321'); // typed while the patch was in flight
    edits.restore(sent); // …and that patch failed
    assert.deepEqual(edits.take(), { phone: '0987654321', email: 'a@example.com' });
  });

  test('steps after the choice need a case; receipt dates read dd/mm/yyyy', async () => {
    const { STEPS, stepAvailable } = await importWeb('js/procedure-format.js');
    const { displayDate } = await importWeb('js/case-receipt.js');
    assert.deepEqual(STEPS, ['card', 'choose', 'form', 'documents', 'preview', 'print', 'save']);
    assert.deepEqual(STEPS.filter((s) => stepAvailable(s, { hasCase: false })), ['card', 'choose']);
    assert.deepEqual(STEPS.filter((s) => stepAvailable(s, { hasCase: true })), STEPS);
    assert.equal(stepAvailable('nope', { hasCase: true }), false);
    for (const step of STEPS) assert.ok(`proc.step.${step}` in STRINGS.vi, step);
    assert.equal(displayDate('2026-11-26'), '26/11/2026');
    assert.equal(displayDate('26/11/2026'), '26/11/2026');
    assert.equal(displayDate(undefined), '');
  });

  test('the wizard\'s page: a panel per step, every step of STEPS, print fault and receipt slots', async () => {
    const { STEPS } = await importWeb('js/procedure-format.js');
    for (const step of STEPS) {
      assert.match(html, new RegExp(`<section id="proc-step-${step}"[^>]*aria-labelledby="proc-step-${step}-h"`), step);
      assert.match(html, new RegExp(`<h2 id="proc-step-${step}-h" tabindex="-1"`), step);
    }
    assert.match(html, /id="tab-procedure"[^>]*data-i18n="tab.procedure"/);
    assert.match(html, /id="proc-alert" class="alert" role="alert"/);
    // Dates of the form are typed as Vietnamese forms write them, not through a locale date picker.
    assert.doesNotMatch(read('js/case-form.js'), /type: 'date'/);
    // The wizard never subscribes to print events through client.subscribe(): an unknown topic
    // there would break the reconnect handshake of the whole console.
    for (const file of ['js/case-print.js', 'js/procedure-wizard.js', 'js/case-documents.js']) {
      assert.doesNotMatch(read(file), /client\.subscribe\(\['print/, file);
    }
    // Each module keeps to one job: none grows past the project's file size.
    for (const file of jsFiles()) {
      const lines = readFileSync(file, 'utf8').split('\n').length;
      assert.ok(lines <= 600, `${relative(WEB, file)} has ${lines} lines`);
    }
  });
});

describe('console: schema examples', () => {
  test('prefills params from the OpenRPC schemas', async () => {
    const { exampleParams, typeSummary, familyOf, paramsSchema } = await importWeb('js/schema-example.js');
    const doc = { components: { schemas: { Kind: { enum: ['reader', 'scanner', 'printer'] } } } };
    const hello = {
      name: 'system.hello',
      params: [
        { name: 'client', schema: { type: 'string' } },
        { name: 'apiVersions', required: true, schema: { type: 'array', items: { type: 'string', examples: ['1.0'] } } },
      ],
    };
    assert.deepEqual(exampleParams(hello, doc), { apiVersions: ['1.0'] });
    const list = { name: 'devices.list', params: [{ name: 'kind', schema: { $ref: '#/components/schemas/Kind' } }] };
    assert.deepEqual(exampleParams(list, doc), { kind: 'reader' });
    assert.equal(typeSummary({ $ref: '#/components/schemas/Kind' }, doc), '"reader" | "scanner" | "printer"');
    assert.equal(typeSummary({ type: 'array', items: { type: 'string' } }), 'string[]');
    const paired = { name: 'x', params: [{ name: 'a', schema: {} }], examples: [{ name: 'e', params: [{ name: 'a', value: 7 }], result: { name: 'r', value: 1 } }] };
    assert.deepEqual(exampleParams(paired, doc), { a: 7 });
    assert.deepEqual(exampleParams({ name: 'system.info', params: [] }, doc), {});
    const versioned = { name: 'v', params: [{ name: 'v', required: true, schema: { type: 'string', pattern: '^[0-9]+\\.[0-9]+$' } }] };
    assert.deepEqual(exampleParams(versioned, doc), { v: '1.0' }, 'a value matching the pattern');
    assert.deepEqual(paramsSchema(hello).required, ['apiVersions']);
    assert.equal(familyOf('admin.simulator.insertCard'), 'admin.simulator');
    assert.equal(familyOf('system.hello'), 'system');
  });
});

describe('console: RPC client', () => {
  // A scripted WebSocket: answers system.hello and events.subscribe, records what was sent.
  class FakeSocket extends EventTarget {
    static instances = [];
    constructor(url) {
      super();
      this.url = url;
      this.readyState = 0;
      this.sent = [];
      FakeSocket.instances.push(this);
      queueMicrotask(() => { this.readyState = 1; this.dispatchEvent(new Event('open')); });
    }
    send(text) {
      const msg = JSON.parse(text);
      this.sent.push(msg);
      const results = {
        'system.hello': { apiVersion: '1.0', version: 'test', features: [] },
        'events.subscribe': { topics: msg.params?.topics },
      };
      if (msg.method in results) {
        queueMicrotask(() => this.reply({ jsonrpc: '2.0', id: msg.id, result: results[msg.method] }));
      }
    }
    reply(obj) {
      const ev = new Event('message');
      ev.data = JSON.stringify(obj);
      this.dispatchEvent(ev);
    }
    close() { this.drop(); }
    drop() {
      if (this.readyState === 3) return;
      this.readyState = 3;
      this.dispatchEvent(new Event('close'));
    }
  }

  const waitFor = async (cond, ms = 2000) => {
    const deadline = Date.now() + ms;
    while (!cond()) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((r) => setTimeout(r, 5));
    }
  };

  test('hello first, re-subscribes after reconnect, rejects pending calls on close', async () => {
    const { RpcClient, RpcError, ConnectionError, backoffDelay } = await importWeb('js/rpc-client.js');
    FakeSocket.instances = [];
    const client = new RpcClient('ws://127.0.0.1:1/v1', { WebSocketImpl: FakeSocket, minDelayMs: 10, maxDelayMs: 40 });
    const states = [];
    client.addEventListener('state', (ev) => states.push(ev.detail.state));
    const events = [];
    client.onNotification('card.*', (method, params) => events.push([method, params.reader]));
    await client.subscribe(['card.*']); // before connecting: remembered
    client.start();
    await waitFor(() => client.isOpen);
    const first = FakeSocket.instances[0];
    assert.equal(first.sent[0].method, 'system.hello', 'hello is the first message');
    assert.deepEqual(first.sent[0].params.apiVersions, ['1.0']);
    assert.deepEqual(first.sent[1], { jsonrpc: '2.0', id: first.sent[1].id, method: 'events.subscribe', params: { topics: ['card.*'] } });

    first.reply({ jsonrpc: '2.0', method: 'card.inserted', params: { reader: 'r0', atr: '3B' } });
    first.reply({ jsonrpc: '2.0', method: 'device.added', params: { device: { id: 'x' } } });
    assert.deepEqual(events, [['card.inserted', 'r0']]);

    const typed = client.call('card.read', {});
    const id = first.sent.at(-1).id;
    first.reply({ jsonrpc: '2.0', id, error: { code: 1010, message: 'Card removed', data: { reason: 'CARD_REMOVED' } } });
    await assert.rejects(typed, (err) => err instanceof RpcError && err.code === 1010 && err.data.reason === 'CARD_REMOVED');

    const pending = client.call('system.info', {});
    first.drop();
    await assert.rejects(pending, ConnectionError);
    assert.equal(client.isOpen, false);
    await assert.rejects(client.call('system.info', {}), ConnectionError, 'calls fail fast while disconnected');

    await waitFor(() => client.isOpen);
    const second = FakeSocket.instances.at(-1);
    assert.notEqual(second, first, 'reconnected with a new socket');
    assert.deepEqual(second.sent.map((m) => m.method), ['system.hello', 'events.subscribe']);
    assert.deepEqual(states.slice(0, 4), ['connecting', 'open', 'closed', 'connecting']);
    client.stop();

    // Backoff grows exponentially to the cap, with bounded jitter.
    const mid = () => 0.5;
    assert.deepEqual([1, 2, 3, 4, 10].map((n) => backoffDelay(n, 500, 15000, mid)), [500, 1000, 2000, 4000, 15000]);
    assert.equal(backoffDelay(3, 500, 15000, () => 0), 1500);
    assert.equal(backoffDelay(3, 500, 15000, () => 1), 2500);
  });
});
