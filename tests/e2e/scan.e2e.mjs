// End-to-end test of the console's "Quét tài liệu" tab and of the QR reads on "Đọc CCCD" (issue 5)
// in a real browser (Debian's Chromium through playwright-core) against a real onestopd with the
// simulator's scanner and chip and the generated test cards. What the page shows is compared with
// the daemon's answers to a token-authenticated client and with the cards' own truth
// (<testcards>/<card>/card.json). Screenshots go to ONESTOP_E2E_ARTIFACTS (scan-*.png).
//
// Environment (set by ctest, see CMakeLists.txt): ONESTOPD, ONESTOP_TEST_CONFIG,
// ONESTOP_TEST_CARDS, ONESTOP_E2E_ARTIFACTS, ONESTOP_CHROMIUM (default /usr/bin/chromium).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../node/rpc.mjs';
import { ARTIFACTS, ROOT, STRINGS, UI_TIMEOUT_MS, startBrowserSuite, stopBrowserSuite, text, withConsolePage, cardTruth } from './harness.mjs';

const SCANNER = 'simulator/scanner-0';
const READER = 'simulator/reader-0';
const SCAN_TIMEOUT_MS = 20000; // a few pages converted and thumbnailed on a busy 2-core machine
const READ_TIMEOUT_MS = 40000; // scan + QR + a whole chip read
const VI = STRINGS.vi;
const EN = STRINGS.en;
const GROUPS = ['genuine', 'notRevoked', 'valid', 'consistent', 'bound'];
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

const fill = (template, vars) => template.replace(/\{(\w+)\}/g, (_, k) => String(vars[k]));

const truth = cardTruth;
/** The text of the card's printed QR code, as card.json records it. */
const qrText = (card) => card.qr ?? card.qr2021 ?? card.qr2024;

/** Waits until the admin session got the notification `method` for `jobId`. */
async function adminEvent(admin, method, jobId, timeoutMs = SCAN_TIMEOUT_MS) {
  return eventually(() => {
    const found = admin.notifications.find((n) => n.method === method && n.params?.jobId === jobId);
    assert.ok(found, `no ${method} for ${jobId}`);
    return found.params;
  }, { timeoutMs });
}

/** Sets the simulated scanner's fault ("none" clears it). */
const setFault = (admin, fault) => admin.call('admin.simulator.scannerFault', { scanner: SCANNER, fault });

/** On the scan tab: waits for the scanner and its options, then picks `source`. */
async function chooseScan(page, { source, mode }) {
  await eventually(async () => {
    assert.equal(await page.locator('#scan-scanner').inputValue(), SCANNER);
    const sources = await page.locator('#scan-source option').evaluateAll((os) => os.map((o) => o.value));
    assert.ok(sources.includes(source), `sources offered: ${JSON.stringify(sources)}`);
    assert.equal(await page.locator('#scan-start').isDisabled(), false, 'start stays disabled');
  }, { timeoutMs: UI_TIMEOUT_MS });
  await page.selectOption('#scan-source', source);
  if (mode) await page.selectOption('#scan-mode', mode);
  assert.equal(await page.locator('#scan-pages-field').isVisible(), source === 'adf', 'page count only for the feeder');
}

/** Presses "Bắt đầu quét" and waits until the job has ended one way or the other. */
async function runScan(page) {
  await page.locator('#scan-start').click();
  await eventually(async () => {
    const state = await page.locator('#scan-status').getAttribute('data-state');
    assert.ok(['completed', 'failed'].includes(state), `scan state ${state}`);
    assert.equal(await page.locator('#scan-start').isDisabled(), false);
  }, { timeoutMs: SCAN_TIMEOUT_MS });
}

/** Every thumbnail decoded in the browser: their count. */
async function decodedThumbnails(page) {
  return eventually(async () => {
    const sizes = await page.locator('#scan-thumbs img').evaluateAll((imgs) => imgs.map((i) => i.complete && i.naturalWidth));
    assert.ok(sizes.every((w) => w > 0), `thumbnails not decoded: ${JSON.stringify(sizes)}`);
    return sizes.length;
  }, { timeoutMs: UI_TIMEOUT_MS });
}

describe('"Quét tài liệu" and "Đọc bằng mã QR" in Chromium', () => {
  let suite;
  before(async () => {
    suite = await startBrowserSuite();
    await suite.admin.call('events.subscribe', { topics: ['scan.*'] });
  });
  after(() => stopBrowserSuite(suite));
  const open = (t, tab, shot, fn) => withConsolePage(t, { ...suite, tab, shot }, fn);

  test('(a) flatbed: one thumbnail, "Xong: 1 trang", the full page from its blob', async (t) => {
    await suite.admin.call('admin.simulator.placeOnGlass', { scanner: SCANNER, card: null });
    await open(t, 'scan', 'scan-flatbed', async (page) => {
      await chooseScan(page, { source: 'flatbed' });
      await runScan(page);
      assert.equal(await page.locator('#scan-alert').isHidden(), true, `alert: ${await text(page.locator('#scan-alert'))}`);
      assert.equal(await text(page.locator('#scan-status')), fill(VI['scan.state.completed'], { pages: 1 }));
      assert.equal(await decodedThumbnails(page), 1);
      // The thumbnail opens the full page (GET /v1/blobs/<id> from the console's origin), from the
      // keyboard as well as with the mouse.
      await page.locator('#scan-thumbs .thumb').first().focus();
      await page.keyboard.press('Enter');
      const viewer = page.locator('#scan-viewer');
      await eventually(async () => {
        assert.equal(await viewer.getAttribute('data-state'), 'shown', `viewer: ${await text(page.locator('#scan-viewer-caption'))}`);
        assert.ok(await page.locator('#scan-viewer-image').evaluate((i) => i.complete && i.naturalWidth > 0), 'the page did not decode');
      }, { timeoutMs: UI_TIMEOUT_MS });
      assert.match(await page.locator('#scan-viewer-image').getAttribute('src'), /^blob:/);
      assert.doesNotMatch(await text(page.locator('#scan-viewer-caption')), /\?/, 'the caption lacks a size');
      assert.equal(await text(page.locator('#scan-viewer-title')), fill(VI['scan.viewer.title'], { n: 1 }));
      await page.screenshot({ path: join(ARTIFACTS, 'scan-page-viewer.png'), fullPage: true });
      // Escape closes it and gives focus back to the thumbnail.
      await page.keyboard.press('Escape');
      assert.equal(await viewer.isHidden(), true);
      assert.equal(await page.evaluate(() => document.activeElement?.dataset?.index), '1');
    });
  });

  test('(b) feeder: as many thumbnails as the simulator\'s document pages', async (t) => {
    const { jobId } = await suite.admin.call('scan.start', { scanner: SCANNER, source: 'adf', mode: 'gray' });
    const expected = (await adminEvent(suite.admin, 'scan.completed', jobId)).pages;
    assert.ok(expected > 1, `the simulator's feeder holds ${expected} pages`);
    await open(t, 'scan', 'scan-adf', async (page, { received }) => {
      await chooseScan(page, { source: 'adf' });
      await runScan(page);
      assert.equal(await page.locator('#scan-alert').isHidden(), true, `alert: ${await text(page.locator('#scan-alert'))}`);
      assert.equal(await text(page.locator('#scan-status')), fill(VI['scan.state.completed'], { pages: expected }));
      assert.equal(await decodedThumbnails(page), expected);
      const labels = await page.locator('#scan-thumbs .thumb-label').allTextContents();
      assert.deepEqual(labels, Array.from({ length: expected }, (_, i) => fill(VI['scan.pageLabel'], { n: i + 1 })));
      assert.equal(received.filter((m) => m.method === 'scan.page').length, expected);
      // "Lưu PDF": one PDF with a page per scanned page, downloaded from the console.
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#scan-pdf').click()]);
      const pdf = readFileSync(await download.path()).toString('latin1');
      assert.ok(pdf.startsWith('%PDF-'), 'the download is a PDF');
      assert.equal((pdf.match(/\/Type \/Page[^s]/g) ?? []).length, expected, 'one PDF page per scanned page');
      assert.equal(await text(page.locator('#scan-status')), fill(VI['scan.pdf.saved'], { pages: expected }));
      // English relabels the status and the pages.
      await page.locator('[data-lang="en"]').click();
      assert.equal(await text(page.locator('#scan-status')), fill(EN['scan.state.completed'], { pages: expected }));
      assert.equal(await text(page.locator('#scan-thumbs .thumb-label').first()), fill(EN['scan.pageLabel'], { n: 1 }));
      await page.locator('[data-lang="vi"]').click();
    });
  });

  test('(c) a jammed scanner: the Vietnamese SCANNER_JAMMED message, then a normal scan works', async (t) => {
    await setFault(suite.admin, 'jammed');
    try {
      await open(t, 'scan', 'scan-jammed', async (page, { received }) => {
        await chooseScan(page, { source: 'flatbed' });
        await runScan(page);
        const alert = page.locator('#scan-alert');
        assert.equal(await alert.getAttribute('data-reason'), 'SCANNER_JAMMED');
        // The daemon's own message, as the page received it (a reply or scan.failed).
        const error = received.map((m) => m.error?.data ?? m.params?.error).find((e) => e?.reason === 'SCANNER_JAMMED');
        assert.ok(error, 'the page got no SCANNER_JAMMED');
        assert.equal(await text(alert), error.message.vi);
        assert.match(await text(alert), VIETNAMESE);
        await page.locator('[data-lang="en"]').click();
        assert.equal(await text(alert), error.message.en);
        await page.locator('[data-lang="vi"]').click();

        await setFault(suite.admin, 'none');
        await runScan(page);
        assert.equal(await alert.isHidden(), true, `alert: ${await text(alert)}`);
        assert.equal(await text(page.locator('#scan-status')), fill(VI['scan.state.completed'], { pages: 1 }));
        assert.equal(await decodedThumbnails(page), 1);
      });
    } finally {
      await setFault(suite.admin, 'none');
    }
  });

  test('(d) "Đọc bằng mã QR": an-2021 on the glass and in the reader, no key typed', async (t) => {
    const card = truth('an-2021');
    await suite.admin.call('admin.simulator.placeOnGlass', { scanner: SCANNER, card: 'an-2021' });
    await suite.admin.call('admin.simulator.removeCard', { reader: READER }).catch(() => {});
    await suite.admin.call('admin.simulator.insertCard', { reader: READER, card: 'an-2021' });
    await open(t, 'read', 'scan-qr-read', async (page) => {
      await eventually(async () => {
        assert.equal(await page.locator('#read-reader').inputValue(), READER);
        assert.equal(await page.locator('#read-qr-start').isDisabled(), false, 'no scanner for the QR read');
      }, { timeoutMs: UI_TIMEOUT_MS });
      await page.evaluate(() => {
        window.seenStates = [];
        const bar = document.getElementById('read-progress');
        new MutationObserver(() => window.seenStates.push(bar.dataset.state))
          .observe(bar, { attributes: true, attributeFilter: ['data-state'] });
      });
      await page.locator('#read-qr-start').click();
      await eventually(async () => {
        assert.equal(await page.locator('#read-start').isDisabled(), false, 'still reading');
        assert.ok(['done', 'failed'].includes(await page.locator('#read-progress').getAttribute('data-state')));
      }, { timeoutMs: READ_TIMEOUT_MS });
      assert.equal(await page.locator('#read-alert').isHidden(), true, `alert: ${await text(page.locator('#read-alert'))}`);
      const states = await page.evaluate(() => window.seenStates);
      for (const state of ['scanning', 'decodingQr', 'reading', 'done']) {
        assert.ok(states.includes(state), `progress never showed ${state}: ${JSON.stringify(states)}`);
      }
      assert.ok(states.indexOf('decodingQr') < states.indexOf('reading'), JSON.stringify(states));
      const field = (key) => text(page.locator(`#read-fields dd[data-field="${key}"]`));
      assert.equal(await field('fullName'), card.printed.name);
      assert.equal(await field('idNumber'), card.printed.id);
      assert.equal(await field('dateOfBirth'), card.printed.dob);
      assert.equal(await field('sex'), card.printed.sex);
      assert.equal(await field('placeOfResidence'), card.printed.residence);
      assert.equal(await field('oldIdNumber'), card.printed.oldId);
      for (const group of GROUPS) {
        const item = page.locator(`#read-verdict li[data-group="${group}"]`);
        assert.equal(await item.getAttribute('data-state'), 'passed', `${group}: ${await text(item)}`);
        assert.equal(await item.locator('.badge-ok').count(), 1);
      }
      // Nothing was typed: every key field is still empty.
      for (const id of ['read-id-number', 'read-dob', 'read-can', 'read-mrz', 'read-qr', 'read-qr-typed']) {
        assert.equal(await page.locator(`#${id}`).inputValue(), '', `#${id} holds a value`);
      }
      assert.ok((await text(page.locator('#read-meta'))).includes(VI['qr.source.scan']), 'the key\'s source is not shown');
    });
  });

  test('(e) a scan without a card QR: the QR_NOT_FOUND message, no card access', async (t) => {
    await suite.admin.call('admin.simulator.placeOnGlass', { scanner: SCANNER, card: null });
    const expected = await suite.admin.request('card.readFromQr', { scanner: SCANNER, reader: READER }, { timeoutMs: READ_TIMEOUT_MS });
    assert.equal(expected.error?.data?.reason, 'QR_NOT_FOUND', JSON.stringify(expected));
    await open(t, 'read', 'scan-qr-not-found', async (page) => {
      await eventually(async () => {
        assert.equal(await page.locator('#read-qr-start').isDisabled(), false);
      }, { timeoutMs: UI_TIMEOUT_MS });
      await page.locator('#read-qr-start').click();
      const alert = page.locator('#read-alert');
      await eventually(async () => {
        assert.equal(await alert.getAttribute('data-reason'), 'QR_NOT_FOUND');
      }, { timeoutMs: READ_TIMEOUT_MS });
      assert.equal(await text(alert), expected.error.data.message.vi);
      assert.equal(await page.locator('#read-result').isHidden(), true, 'data shown after a failed read');
    });
  });

  test('(f) "Nhập mã QR" typed by a handheld reader: the parsed fields, then the read', async (t) => {
    const card = truth('an-2021');
    const qr = qrText(card);
    assert.ok(qr, 'card.json has no QR text');
    await suite.admin.call('admin.simulator.removeCard', { reader: READER }).catch(() => {});
    await suite.admin.call('admin.simulator.insertCard', { reader: READER, card: 'an-2021' });
    const foreign = await suite.admin.request('qr.parse', { text: 'https://example.com/not-a-card' });
    assert.equal(foreign.error?.data?.reason, 'QR_NOT_CCCD', JSON.stringify(foreign));
    await open(t, 'read', 'scan-qr-typed', async (page) => {
      await eventually(async () => {
        assert.equal(await page.locator('#read-reader').inputValue(), READER);
      }, { timeoutMs: UI_TIMEOUT_MS });
      const box = page.locator('#read-qr-typed');
      const alert = page.locator('#read-alert');
      // A foreign QR code: the daemon's QR_NOT_CCCD message, no read.
      await box.focus();
      await page.keyboard.type('https://example.com/not-a-card');
      await page.keyboard.press('Enter');
      await eventually(async () => {
        assert.equal(await alert.getAttribute('data-reason'), 'QR_NOT_CCCD');
      }, { timeoutMs: UI_TIMEOUT_MS });
      assert.equal(await text(alert), foreign.error.data.message.vi);
      assert.equal(await page.locator('#read-progress').getAttribute('data-state'), 'idle');

      // The card's QR, typed like a keyboard-wedge reader does (the text, then Enter).
      await box.fill('');
      await box.focus();
      await page.keyboard.type(qr);
      await page.keyboard.press('Enter');
      const parsed = (key) => text(page.locator(`#read-qr-parsed-fields dd[data-field="${key}"]`));
      await eventually(async () => {
        assert.ok(await page.locator('#read-qr-parsed').isVisible(), 'no parsed fields shown');
        assert.equal(await parsed('idNumber'), card.printed.id);
      }, { timeoutMs: UI_TIMEOUT_MS });
      assert.equal(await parsed('fullName'), card.printed.name);
      assert.equal(await parsed('dateOfBirth'), card.printed.dob);
      assert.equal(await parsed('oldIdNumber'), card.printed.oldId);
      assert.equal(await parsed('generation'), VI['qr.generation.2021']);
      await eventually(async () => {
        assert.equal(await page.locator('#read-progress').getAttribute('data-state'), 'done',
                     `alert: ${await text(alert)}`);
      }, { timeoutMs: READ_TIMEOUT_MS });
      assert.equal(await alert.isHidden(), true, `alert: ${await text(alert)}`);
      assert.equal(await text(page.locator('#read-fields dd[data-field="fullName"]')), card.printed.name);
      assert.equal(await page.locator('#read-verdict li[data-group="genuine"]').getAttribute('data-state'), 'passed');
      assert.equal(await box.inputValue(), '', 'the box is not ready for the next code');
      assert.equal(await page.locator('input[name="read-key-mode"][value="qr"]').isChecked(), true);
      // "Xoá kết quả" drops the parsed fields too.
      await page.locator('#read-clear').click();
      assert.equal(await page.locator('#read-qr-parsed').isHidden(), true);
    });
  });
});

/**
 * A feeder of `count` A4 pages (symbolic links to the simulator's own document pages, in turn): long
 * enough that "Hủy" lands while pages are still arriving.
 */
function makeLongFeeder(count) {
  const source = join(ROOT, 'plugins/simulator/data/scan');
  const pages = readdirSync(source).filter((f) => f.endsWith('.png')).sort();
  assert.ok(pages.length > 0, `no pages in ${source}`);
  const dir = mkdtempSync(join(tmpdir(), 'onestop-e2e-feeder-'));
  for (let i = 0; i < count; i++) {
    symlinkSync(join(source, pages[i % pages.length]), join(dir, `page-${String(i + 1).padStart(4, '0')}.png`));
  }
  return dir;
}

describe('"Quét tài liệu" cancel in Chromium (a long feeder)', () => {
  const PAGES = 150;
  let feeder;
  let suite;
  before(async () => {
    feeder = makeLongFeeder(PAGES);
    suite = await startBrowserSuite({ simulator: { scanImages: feeder } });
  });
  after(async () => {
    await stopBrowserSuite(suite);
    if (feeder) rmSync(feeder, { recursive: true, force: true });
  });

  test('(g) "Hủy" while pages arrive: CANCELLED, the pages so far stay', async (t) => {
    await withConsolePage(t, { ...suite, tab: 'scan', shot: 'scan-cancelled' }, async (page) => {
      await chooseScan(page, { source: 'adf', mode: 'color' });
      await page.locator('#scan-start').click();
      await eventually(async () => {
        assert.ok(await page.locator('#scan-thumbs .thumb').count() >= 1, 'no page yet');
      }, { timeoutMs: SCAN_TIMEOUT_MS });
      assert.equal(await page.locator('#scan-start').isDisabled(), true, 'a second scan can be started');
      await page.locator('#scan-cancel').click();
      const alert = page.locator('#scan-alert');
      await eventually(async () => {
        assert.equal(await alert.getAttribute('data-reason'), 'CANCELLED');
        assert.equal(await page.locator('#scan-start').isDisabled(), false);
        assert.equal(await page.locator('#scan-cancel').isDisabled(), true);
      }, { timeoutMs: SCAN_TIMEOUT_MS });
      assert.match(await text(alert), VIETNAMESE);
      const shown = await page.locator('#scan-thumbs .thumb').count();
      assert.ok(shown >= 1 && shown < PAGES, `${shown} of ${PAGES} pages shown`);
      assert.equal(await text(page.locator('#scan-status')), fill(VI['scan.state.failed'], { pages: shown }));
    });
  });
});
