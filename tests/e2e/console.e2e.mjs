// End-to-end test of the web console in a real browser: Debian's Chromium driven by
// playwright-core, against a real onestopd (port 0, fresh runtime dir, simulator plugin) started
// with ../node/daemon.mjs. Each case works the page as a person would (clicks, reads what is
// shown) and cross-checks it against the daemon through a token-authenticated client
// (../node/rpc.mjs). A screenshot of each case's final state goes to the artifacts folder.
//
// Environment (set by ctest, see CMakeLists.txt):
//   ONESTOPD               path to build/stage/bin/onestopd
//   ONESTOP_TEST_CONFIG    tests/data/config/onestopd-test.json
//   ONESTOP_E2E_ARTIFACTS  where screenshots go (default <repo>/build/e2e-artifacts, else the
//                          system temp dir)
//   ONESTOP_CHROMIUM       the browser (default /usr/bin/chromium); never downloaded

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { join } from 'node:path';
import { eventually, rawUpgrade } from '../node/rpc.mjs';
import {
  ARTIFACTS, CONNECT_TIMEOUT_MS, STRINGS, UI_TIMEOUT_MS, startBrowserSuite, stopBrowserSuite, text,
} from './harness.mjs';

const VI = STRINGS.vi;
const EN = STRINGS.en;
const fill = (text, vars) => text.replace(/\{(\w+)\}/g, (whole, k) => (k in vars ? String(vars[k]) : whole));

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A regex for a table string with `vars` filled in and any other {placeholder} as \S+. */
function templateRegex(template, vars = {}) {
  const body = template.split(/(\{\w+\})/).map((part) => {
    const m = /^\{(\w+)\}$/.exec(part);
    if (!m) return escapeRegex(part);
    return m[1] in vars ? escapeRegex(String(vars[m[1]])) : '\\S+';
  }).join('');
  return new RegExp(`^${body}$`);
}

const READER = 'simulator/reader-0';
const DEVICES = ['simulator/reader-0', 'simulator/scanner-0', 'simulator/printer-0'];

let daemon;
let browser;
let admin; // token-authenticated session: the "outside" client and the source of truth

before(async () => {
  ({ daemon, admin, browser } = await startBrowserSuite());
});

after(() => stopBrowserSuite({ daemon, admin, browser }));

/**
 * Runs `fn(page, tools)` in a fresh browser context (own storage, English browser locale so
 * that a Vietnamese page is the console's choice, not the browser's). Afterwards: a screenshot of
 * the final state (also on failure), and no uncaught error nor console error in the page.
 */
async function withPage(t, shot, fn, { allowConsoleErrors = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !allowConsoleErrors) problems.push(`console.error: ${msg.text()}`);
  });
  // Every JSON-RPC message the page receives (to see which daemon events reached it).
  const received = [];
  page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => {
    try { received.push(JSON.parse(payload.toString())); } catch { /* not JSON */ }
  }));
  const path = join(ARTIFACTS, `${shot}.png`);
  try {
    await fn(page, { received });
    assert.deepEqual(problems, [], 'the page reported errors');
  } finally {
    await page.screenshot({ path, fullPage: true })
      .then(() => t.diagnostic(`screenshot: ${path}`))
      .catch((err) => t.diagnostic(`no screenshot: ${err.message}`));
    await context.close();
  }
}


/** Opens the console and waits until it says it is connected. */
async function openConsole(page, strings = VI) {
  const response = await page.goto(`${daemon.httpBase}/`);
  assert.equal(response.status(), 200);
  await eventually(async () => {
    assert.equal(await page.locator('#conn').getAttribute('data-state'), 'open');
    assert.equal(await text(page.locator('#conn-text')), strings['conn.open']);
  }, { timeoutMs: CONNECT_TIMEOUT_MS });
  return response;
}

async function openTab(page, tab) {
  await page.locator(`#tab-${tab}`).click();
  assert.equal(await page.locator(`#tab-${tab}`).getAttribute('aria-selected'), 'true');
  assert.ok(await page.locator(`#panel-${tab}`).isVisible(), `panel ${tab} is not shown`);
}

/** Texts of every [data-i18n] node whose text differs from the given table. */
async function untranslated(page, strings) {
  const nodes = await page.$$eval('[data-i18n]', (els) => els.map((e) => [e.dataset.i18n, e.textContent]));
  assert.ok(nodes.length > 20, `only ${nodes.length} translatable nodes found`);
  return nodes.filter(([key, value]) => value !== strings[key]).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
}

describe('web console in Chromium', () => {
  test('(a) loads in Vietnamese and shows it is connected', async (t) => {
    await withPage(t, 'a-connected', async (page) => {
      const response = await openConsole(page, VI);
      assert.match(await response.text(), /<html lang="vi">/, 'the served page does not declare lang="vi"');
      assert.equal(await page.getAttribute('html', 'lang'), 'vi');
      assert.equal(await page.title(), VI['page.title']);
      assert.equal(await text(page.locator('#ov-conn-state')), VI['conn.open']);
      assert.equal(await text(page.locator('#tab-overview')), VI['tab.overview']);
      assert.equal(await page.locator('[data-lang="vi"]').getAttribute('aria-pressed'), 'true');
      // The overview shows the daemon's own facts once connected.
      const info = await admin.call('system.info', {});
      const { plugins } = await admin.call('admin.plugins', {});
      const loaded = plugins.filter((p) => p.state === 'loaded').length;
      assert.ok(loaded >= 1, 'the daemon loaded no plugin');
      await eventually(async () => {
        assert.equal(await text(page.locator('#ov-version')), info.version);
        assert.equal(await text(page.locator('#ov-plugins-loaded')), String(loaded));
      }, { timeoutMs: UI_TIMEOUT_MS });
    });
  });

  test('(b) devices: simulated devices listed; card insert/remove by button and from outside', async (t) => {
    // Whatever happens here, the next cases start with an empty reader.
    t.after(() => admin.call('admin.simulator.removeCard', { reader: READER }).catch(() => {}));
    await withPage(t, 'b-devices', async (page, { received }) => {
      await openConsole(page);
      await openTab(page, 'devices');
      const rows = page.locator('#devices-body tr[data-id]');
      await eventually(async () => {
        const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.id));
        assert.deepEqual([...ids].sort(), [...DEVICES].sort());
      }, { timeoutMs: UI_TIMEOUT_MS });

      const reader = page.locator(`#devices-body tr[data-id="${READER}"]`);
      const insert = reader.locator('button[data-action="insert"]');
      const remove = reader.locator('button[data-action="remove"]');
      const { devices } = await admin.call('devices.list', {});
      const name = devices.find((d) => d.id === READER).name;
      const shows = (present) => eventually(async () => {
        const row = (await reader.innerText()).replace(/\s+/g, ' ');
        assert.ok(row.includes(VI[present ? 'devices.card.present' : 'devices.card.absent']),
                  `reader row shows ${JSON.stringify(row)}, expected card ${present ? 'present' : 'absent'}`);
        assert.equal(await insert.isDisabled(), present, 'insert button state');
        assert.equal(await remove.isDisabled(), !present, 'remove button state');
      }, { timeoutMs: UI_TIMEOUT_MS });
      const gotEvent = (method) => eventually(() => {
        assert.ok(received.some((m) => m.method === method && m.params?.reader === READER),
                  `the page received no ${method} event for ${READER}`);
      }, { timeoutMs: UI_TIMEOUT_MS });
      const announced = (key) => eventually(async () => {
        assert.equal(await text(page.locator('#announcer')), fill(VI[key], { name }));
      }, { timeoutMs: UI_TIMEOUT_MS });

      await shows(false);
      // The other devices have no card and no simulator buttons.
      for (const id of DEVICES.filter((d) => d !== READER)) {
        assert.equal(await page.locator(`#devices-body tr[data-id="${id}"] button`).count(), 0);
      }

      // The page's own buttons; the daemon's card.* events reach the page's socket.
      await insert.click();
      await shows(true);
      await gotEvent('card.inserted');
      await remove.click();
      await shows(false);
      await gotEvent('card.removed');

      // Another client inserts and removes the card: only the events can tell the page.
      const before = received.length;
      await admin.call('admin.simulator.insertCard', { reader: READER });
      await shows(true);
      await announced('devices.announce.inserted');
      await admin.call('admin.simulator.removeCard', { reader: READER });
      await shows(false);
      await announced('devices.announce.removed');
      const events = received.slice(before).map((m) => m.method).filter(Boolean);
      assert.deepEqual(events.filter((m) => m.startsWith('card.')), ['card.inserted', 'card.removed']);

      // End on the state a person wants to see in the screenshot: a card on the reader.
      await admin.call('admin.simulator.insertCard', { reader: READER });
      await shows(true);
    });
  });

  test('(c) plugins: the simulator is loaded', async (t) => {
    await withPage(t, 'c-plugins', async (page) => {
      await openConsole(page);
      await openTab(page, 'plugins');
      const { plugins } = await admin.call('admin.plugins', {});
      assert.ok(plugins.some((p) => p.id === 'simulator' && p.state === 'loaded'), 'the daemon did not load the simulator');
      const failed = plugins.filter((p) => p.state === 'failed').length;
      await eventually(async () => {
        const ids = await page.locator('#plugins-body tr th code').allTextContents();
        assert.deepEqual(ids.sort(), plugins.map((p) => p.id).sort());
        assert.equal(await text(page.locator('#plugins-summary')),
                     fill(VI['plugins.summary'], { loaded: plugins.length - failed, failed }));
      }, { timeoutMs: UI_TIMEOUT_MS });
      const row = page.locator('#plugins-body tr', { has: page.locator('th code', { hasText: /^simulator$/ }) });
      const cells = await row.locator('td').allTextContents();
      assert.ok(cells.some((c) => c.includes(VI['plugins.state.loaded'])), `state cells: ${JSON.stringify(cells)}`);
      assert.ok(cells.includes(plugins.find((p) => p.id === 'simulator').version));
      assert.equal(await row.locator('.badge-ok').count(), 1);
    });
  });

  test('(d) the English switch relabels the page and survives a reload', async (t) => {
    await withPage(t, 'd-english', async (page) => {
      await openConsole(page, VI);
      assert.deepEqual(await untranslated(page, VI), [], 'Vietnamese page has other texts');
      await page.locator('[data-lang="en"]').click();
      const checkEnglish = async () => {
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        assert.equal(await page.title(), EN['page.title']);
        assert.equal(await page.locator('[data-lang="en"]').getAttribute('aria-pressed'), 'true');
        assert.equal(await page.locator('[data-lang="vi"]').getAttribute('aria-pressed'), 'false');
        assert.deepEqual(await untranslated(page, EN), [], 'labels still not in English');
        assert.equal(await text(page.locator('#conn-text')), EN['conn.open']);
        for (const tab of ['overview', 'devices', 'plugins', 'explorer']) {
          assert.equal(await page.locator(`#tab-${tab}`).innerText(), EN[`tab.${tab}`]);
        }
      };
      await checkEnglish();

      await page.reload();
      await eventually(async () => {
        assert.equal(await text(page.locator('#conn-text')), EN['conn.open']);
      }, { timeoutMs: CONNECT_TIMEOUT_MS });
      await checkEnglish();
      assert.equal(await page.evaluate(() => localStorage.getItem('onestop.console.lang')), 'en');
      // Content built from daemon data follows too.
      await openTab(page, 'devices');
      await eventually(async () => {
        const row = await text(page.locator(`#devices-body tr[data-id="${READER}"]`));
        assert.ok(row.includes(EN['devices.kind.reader']) && row.includes(EN['devices.card.absent']) &&
                  row.includes(EN['devices.insert']), `reader row: ${JSON.stringify(row)}`);
      }, { timeoutMs: UI_TIMEOUT_MS });
    });
  });

  test('(e) API explorer: methods from rpc.discover, a result, a typed error', async (t) => {
    await withPage(t, 'e-explorer', async (page) => {
      await openConsole(page);
      await openTab(page, 'explorer');
      const discovered = (await admin.call('rpc.discover', {})).methods.map((m) => m.name).sort();
      const methods = page.locator('#explorer-methods button[data-method]');
      await eventually(async () => {
        const shown = await methods.evaluateAll((bs) => bs.map((b) => b.dataset.method));
        assert.deepEqual(shown.sort(), discovered);
        assert.equal(await text(page.locator('#explorer-status')),
                     fill(VI['explorer.count'], { shown: discovered.length, total: discovered.length }));
      }, { timeoutMs: UI_TIMEOUT_MS });

      const output = page.locator('#ex-output');
      const call = async (method, params) => {
        await page.locator(`#explorer-methods button[data-method="${method}"]`).click();
        assert.equal(await text(page.locator('#ex-name')), method);
        if (params !== undefined) await page.locator('#ex-editor').fill(params);
        await page.locator('#ex-call').click();
        await eventually(async () => {
          assert.ok(await output.isVisible(), 'no result shown');
          assert.ok(['ok', 'error'].includes(await output.getAttribute('data-state')));
        }, { timeoutMs: UI_TIMEOUT_MS });
      };

      const info = await admin.call('system.info', {});
      await call('system.info');
      assert.equal(await output.getAttribute('data-state'), 'ok');
      assert.match(await text(page.locator('#ex-output-status')), templateRegex(VI['explorer.ok']));
      const result = JSON.parse(await page.locator('#ex-output-body').textContent());
      assert.ok('version' in result, `result has no "version": ${JSON.stringify(result)}`);
      assert.equal(result.version, info.version);

      // The same invalid call from outside gives the error the page must show.
      const expected = await admin.request('devices.list', { kind: 'camera' });
      assert.equal(expected.error?.data?.reason, 'VALIDATION_FAILED');
      await call('devices.list', '{"kind":"camera"}');
      assert.equal(await output.getAttribute('data-state'), 'error');
      assert.match(await text(page.locator('#ex-output-status')),
                   templateRegex(VI['explorer.failed'], { code: expected.error.code }));
      const shown = await text(page.locator('#ex-output-error'));
      for (const want of ['VALIDATION_FAILED', expected.error.data.message.vi, expected.error.data.message.en]) {
        assert.ok(shown.includes(want), `the error panel lacks ${JSON.stringify(want)}: ${JSON.stringify(shown)}`);
      }
      const labels = await page.locator('#ex-output-error dt').allTextContents();
      assert.ok(labels.includes(VI['explorer.error.message.vi']) && labels.includes(VI['explorer.error.message.en']),
                `error labels: ${JSON.stringify(labels)}`);
    });
  });

  test('(f) a page from a foreign origin cannot connect (403 before the upgrade)', async (t) => {
    // Runs in a page: opens the daemon's WebSocket and reports what happened.
    const probe = (url) => new Promise((done) => {
      const result = { started: true, events: [] };
      const ws = new WebSocket(url);
      ws.onopen = () => { result.events.push('open'); result.opened = true; ws.close(1000); };
      ws.onerror = () => result.events.push('error');
      ws.onclose = (ev) => { result.events.push('close'); result.closeCode = ev.code; done(result); };
    });
    const wsUrl = daemon.wsUrl;
    const html = '<!doctype html><html><head><meta charset="utf-8"><title>foreign</title></head><body>' +
                 '<h1>Foreign page</h1><pre id="out">running…</pre><script>' +
                 `window.result = { started: true, events: [] };(${probe})(${JSON.stringify(wsUrl)})` +
                 '.then((r) => { window.result = { ...r, done: true }; ' +
                 "document.getElementById('out').textContent = JSON.stringify(window.result, null, 2); });" +
                 '</script></body></html>';
    const server = http.createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(html);
    });
    await new Promise((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', ok));
    const foreignOrigin = `http://127.0.0.1:${server.address().port}`;
    try {
      // Control: the same probe from the console's own origin does open.
      await withPage(t, 'f-control-own-origin', async (page) => {
        await openConsole(page);
        const own = await page.evaluate(probe, wsUrl);
        assert.equal(own.opened, true, `the probe could not connect from the console's origin: ${JSON.stringify(own)}`);
      });

      await withPage(t, 'f-foreign-origin', async (page) => {
        const failures = [];
        page.on('websocket', (ws) => ws.on('socketerror', (msg) => failures.push(msg)));
        const consoleErrors = [];
        page.on('console', (msg) => { if (msg.type() === 'error') consoleErrors.push(msg.text()); });
        await page.goto(`${foreignOrigin}/`);
        await page.waitForFunction(() => window.result?.done === true, null, { timeout: 10_000 });
        const result = await page.evaluate(() => window.result);
        assert.equal(result.started, true);
        assert.notEqual(result.opened, true, `the foreign page connected: ${JSON.stringify(result)}`);
        assert.ok(!result.events.includes('open'), JSON.stringify(result));
        assert.ok(result.events.includes('error') && result.events.includes('close'), JSON.stringify(result));
        assert.equal(result.closeCode, 1006);
        // Chromium's own account of the failure names the status.
        const account = [...failures, ...consoleErrors].join('\n');
        assert.match(account, /403/, `the browser does not report a 403: ${JSON.stringify(account)}`);
      }, { allowConsoleErrors: true });

      // The reason: the daemon refuses that Origin before upgrading.
      const attempt = await rawUpgrade(daemon.port, { origin: foreignOrigin });
      assert.equal(attempt.upgraded, false);
      assert.equal(attempt.status, 403);
      // …and stays up for everyone else.
      assert.equal((await admin.call('system.health', {})).status !== undefined, true);
    } finally {
      await new Promise((ok) => server.close(ok));
    }
  });
});
