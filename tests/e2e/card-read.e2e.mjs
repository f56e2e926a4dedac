// End-to-end test of the console's "Đọc CCCD" page in a real browser (Debian's Chromium through
// playwright-core) against a real onestopd with the simulator plugin and the generated test cards.
// A person's steps: pick the reader, type a key, press "Đọc thẻ"; what the page shows is compared
// with the card's own truth (<testcards>/<card>/card.json) and with the daemon's answers to a
// token-authenticated client. Screenshots go to ONESTOP_E2E_ARTIFACTS (card-read*.png).
//
// Environment (set by ctest, see CMakeLists.txt): ONESTOPD, ONESTOP_TEST_CONFIG,
// ONESTOP_TEST_CARDS (<build>/testcards, also the test CSCA), ONESTOP_E2E_ARTIFACTS,
// ONESTOP_CHROMIUM (default /usr/bin/chromium; never downloaded).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually } from '../node/rpc.mjs';
import {
  STRINGS, UI_TIMEOUT_MS, startBrowserSuite, stopBrowserSuite, text, cardTruth,
  withConsolePage,
} from './harness.mjs';

const READ_TIMEOUT_MS = 30000; // a whole card read on a busy 2-core machine
const READER = 'simulator/reader-0';

const VI = STRINGS.vi;
const EN = STRINGS.en;
const GROUPS = ['genuine', 'notRevoked', 'valid', 'consistent', 'bound'];

const truth = cardTruth;

let daemon;
let browser;
let admin;

before(async () => {
  ({ daemon, admin, browser } = await startBrowserSuite());
});

after(() => stopBrowserSuite({ daemon, admin, browser }));

/** Puts `card` on the simulated reader (taking off whatever was there). */
async function insert(card) {
  await admin.call('admin.simulator.removeCard', { reader: READER }).catch(() => {});
  await admin.call('admin.simulator.insertCard', { reader: READER, card });
}

/** A fresh browser context on the console's read tab (harness.withConsolePage), its tab selected. */
function withReadPage(t, shot, fn) {
  return withConsolePage(t, { browser, daemon, tab: 'read', shot }, async (page, frames) => {
    assert.equal(await page.locator('#tab-read').getAttribute('aria-selected'), 'true');
    await fn(page, frames);
  });
}

const field = (page, key) => page.locator(`#read-fields dd[data-field="${key}"]`);
const badge = (page, group) => page.locator(`#read-verdict li[data-group="${group}"]`);

/** Waits until the reader with a card is offered and picks it, as a person would. */
async function pickReader(page) {
  await eventually(async () => {
    const values = await page.locator('#read-reader option').evaluateAll((os) => os.map((o) => o.value));
    assert.ok(values.includes(READER), `readers offered: ${JSON.stringify(values)}`);
    assert.equal(await page.locator('#read-reader').inputValue(), READER, 'the reader with a card is preselected');
  }, { timeoutMs: UI_TIMEOUT_MS });
  await page.selectOption('#read-reader', READER);
}

async function typePersonalKey(page, idNumber, dateOfBirth) {
  await page.locator('input[name="read-key-mode"][value="personal"]').check();
  await page.locator('#read-id-number').fill(idNumber);
  await page.locator('#read-dob').fill(dateOfBirth);
}

/** Presses "Đọc thẻ" and waits until the read has finished one way or the other. */
async function readCard(page) {
  await page.locator('#read-start').click();
  await eventually(async () => {
    assert.equal(await page.locator('#read-start').isDisabled(), false, 'still reading');
    const state = await page.locator('#read-progress').getAttribute('data-state');
    assert.ok(['done', 'failed'].includes(state), `progress state ${state}`);
  }, { timeoutMs: READ_TIMEOUT_MS });
}

describe('"Đọc CCCD" page in Chromium', () => {
  test('(a) an-2021 by ID number + date of birth: progress, photo, fields, five passed badges', async (t) => {
    const card = truth('an-2021');
    await insert('an-2021');
    await withReadPage(t, 'card-read', async (page, { received }) => {
      await pickReader(page);
      await typePersonalKey(page, card.printed.id, card.printed.dob);
      // Everything the progress bar and the "not verified yet" tag go through during the read.
      await page.evaluate(() => {
        window.seen = { progress: [], unverifiedShown: false, fieldsWhileUnverified: null };
        const bar = document.getElementById('read-progress');
        const tag = document.getElementById('read-unverified');
        new MutationObserver(() => window.seen.progress.push(Number(bar.value)))
          .observe(bar, { attributes: true, attributeFilter: ['value'] });
        new MutationObserver(() => {
          if (!tag.hidden && !window.seen.unverifiedShown) {
            window.seen.unverifiedShown = true;
            window.seen.fieldsWhileUnverified = document.querySelector('#read-fields dd[data-field="fullName"]')?.textContent;
          }
        }).observe(tag, { attributes: true, attributeFilter: ['hidden'] });
      });
      await readCard(page);
      assert.equal(await page.locator('#read-alert').isHidden(), true, `alert: ${await text(page.locator('#read-alert'))}`);

      const seen = await page.evaluate(() => window.seen);
      const values = seen.progress;
      assert.ok(new Set(values).size >= 5, `the progress bar hardly moved: ${JSON.stringify(values)}`);
      assert.ok(values.some((v) => v > 0 && v < 1), 'no intermediate progress');
      assert.equal(await page.locator('#read-progress').evaluate((p) => p.value), 1);
      assert.equal(await text(page.locator('#read-progress-text')), VI['read.state.done']);
      assert.ok(received.some((m) => m.method === 'card.progress' && m.params?.state === 'reading'),
                'the page received no card.progress');
      assert.ok(received.some((m) => m.method === 'card.data'), 'the page received no card.data');
      assert.equal(seen.unverifiedShown, true, 'the fields were never shown as "not verified yet"');
      assert.equal(seen.fieldsWhileUnverified, card.printed.name);
      assert.equal(await page.locator('#read-unverified').isHidden(), true);

      // The fields, with their Vietnamese labels, equal the card's truth.
      assert.equal(await text(field(page, 'fullName')), card.printed.name);
      assert.equal(await text(field(page, 'idNumber')), card.printed.id);
      assert.equal(await text(field(page, 'dateOfBirth')), card.printed.dob);
      assert.equal(await text(field(page, 'sex')), card.printed.sex);
      assert.equal(await text(field(page, 'placeOfResidence')), card.printed.residence);
      assert.equal(await text(field(page, 'expiry')), card.printed.expiry);
      assert.equal(await text(field(page, 'oldIdNumber')), card.printed.oldId);
      const labels = await page.locator('#read-fields dt').allTextContents();
      for (const key of ['idNumber', 'fullName', 'dateOfBirth', 'sex', 'nationality', 'ethnicity', 'religion',
        'placeOfOrigin', 'placeOfResidence', 'identifyingMarks', 'dateOfIssue', 'expiry', 'father', 'mother',
        'spouse', 'oldIdNumber']) {
        assert.ok(labels.includes(VI[`read.field.${key}`]), `label ${VI[`read.field.${key}`]} missing: ${JSON.stringify(labels)}`);
      }

      // The photo decoded in the browser.
      const photo = page.locator('#read-photo');
      assert.ok(await photo.isVisible(), 'no photo shown');
      await eventually(async () => {
        assert.ok(await photo.evaluate((img) => img.complete && img.naturalWidth > 0), 'the photo did not decode');
      }, { timeoutMs: UI_TIMEOUT_MS });
      assert.match(await photo.getAttribute('src'), /^data:image\/jpeg;base64,/);

      // Five green badges.
      for (const group of GROUPS) {
        const item = badge(page, group);
        assert.equal(await item.getAttribute('data-state'), 'passed', `${group}: ${await text(item)}`);
        assert.ok((await text(item)).includes(VI[`read.group.${group}`]), `${group} label`);
        assert.equal(await item.locator('.badge-ok').count(), 1);
        assert.equal(await item.locator('.verdict-reasons li').count(), 0);
      }

      // English switch: labels, values that are translated, and the badges follow.
      await page.locator('[data-lang="en"]').click();
      assert.equal(await text(page.locator('#tab-read')), EN['tab.read']);
      assert.ok((await page.locator('#read-fields dt').allTextContents()).includes(EN['read.field.fullName']));
      assert.equal(await text(field(page, 'sex')), EN['read.sex.M']);
      assert.ok((await text(badge(page, 'genuine'))).includes(EN['read.group.genuine']));
      assert.equal(await text(page.locator('#read-progress-text')), EN['read.state.done']);
      await page.locator('[data-lang="vi"]').click();
      assert.equal(await text(field(page, 'sex')), card.printed.sex);
    });
  });

  test('(b) a wrong key: the daemon\'s ACCESS_KEY_REJECTED message, in Vietnamese then English', async (t) => {
    const card = truth('an-2021');
    const wrongDob = card.printed.dob.replace(/^(\d\d)/, (d) => String((Number(d) % 28) + 1).padStart(2, '0'));
    await insert('an-2021');
    const expected = await admin.request('card.read', { reader: READER, key: { idNumber: card.printed.id, dateOfBirth: wrongDob } });
    assert.equal(expected.error?.data?.reason, 'ACCESS_KEY_REJECTED', JSON.stringify(expected));
    await withReadPage(t, 'card-read-wrong-key', async (page) => {
      await pickReader(page);
      await typePersonalKey(page, card.printed.id, wrongDob);
      await readCard(page);
      const alert = page.locator('#read-alert');
      assert.ok(await alert.isVisible(), 'no error shown');
      assert.equal(await alert.getAttribute('role'), 'alert');
      assert.equal(await alert.getAttribute('data-reason'), 'ACCESS_KEY_REJECTED');
      assert.equal(await text(alert), expected.error.data.message.vi);
      assert.equal(await text(page.locator('#read-progress-text')), VI['read.state.failed']);
      assert.equal(await page.locator('#read-result').isHidden(), true, 'data shown after a failed read');
      await page.locator('[data-lang="en"]').click();
      assert.equal(await text(alert), expected.error.data.message.en);
      await page.locator('[data-lang="vi"]').click();
      assert.equal(await text(alert), expected.error.data.message.vi);
    });
  });

  test('(c) tampered-dg13: "Chip thật" fails with the HASH_MISMATCH message', async (t) => {
    const card = truth('tampered-dg13');
    await insert('tampered-dg13');
    await withReadPage(t, 'card-read-tampered', async (page) => {
      await pickReader(page);
      await typePersonalKey(page, card.printed.id, card.printed.dob);
      await readCard(page);
      assert.equal(await page.locator('#read-alert').isHidden(), true, `alert: ${await text(page.locator('#read-alert'))}`);
      const genuine = badge(page, 'genuine');
      assert.equal(await genuine.getAttribute('data-state'), 'failed');
      assert.equal(await genuine.locator('.badge-bad').count(), 1);
      assert.ok((await text(genuine)).includes(VI['read.group.genuine']));
      const reason = genuine.locator('.verdict-reasons li[data-reason="HASH_MISMATCH"]');
      assert.equal(await reason.count(), 1, `reasons: ${await text(genuine)}`);
      // The message is the daemon's own, in the page's language.
      const reasonText = await text(reason);
      assert.match(reasonText, /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i, reasonText);
      assert.ok(reasonText.includes('HASH_MISMATCH'));
      assert.equal(await badge(page, 'notRevoked').getAttribute('data-state'), 'passed');
      await page.locator('[data-lang="en"]').click();
      assert.doesNotMatch(await text(reason), /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i, 'still Vietnamese');
      await page.locator('[data-lang="vi"]').click();
    });
  });

  test('(d) khanh-2024 by CAN: the JPEG 2000 photo arrives as PNG and shows', async (t) => {
    const card = truth('khanh-2024');
    await insert('khanh-2024');
    await withReadPage(t, 'card-read-khanh-2024', async (page) => {
      await pickReader(page);
      await page.locator('input[name="read-key-mode"][value="can"]').check();
      assert.ok(await page.locator('#read-can').isVisible());
      assert.ok(await page.locator('#read-can-hint').isVisible());
      await page.locator('#read-can').fill(card.can);
      await readCard(page);
      assert.equal(await page.locator('#read-alert').isHidden(), true, `alert: ${await text(page.locator('#read-alert'))}`);
      const photo = page.locator('#read-photo');
      assert.match(await photo.getAttribute('src'), /^data:image\/png;base64,/);
      await eventually(async () => {
        assert.ok(await photo.evaluate((img) => img.complete && img.naturalWidth > 0), 'the PNG did not decode');
      }, { timeoutMs: UI_TIMEOUT_MS });
      assert.equal(await text(field(page, 'fullName')), card.printed.name);
      assert.equal(await text(field(page, 'idNumber')), card.printed.id);
      // The 2024 card's renamed fields.
      const labels = await page.locator('#read-fields dt').allTextContents();
      assert.ok(labels.includes(VI['read.field.placeOfResidence2024']), JSON.stringify(labels));
      assert.ok(labels.includes(VI['read.field.placeOfOrigin2024']), JSON.stringify(labels));
      assert.equal(await badge(page, 'genuine').getAttribute('data-state'), 'passed');
    });
  });

  test('(e) no card yet: the page waits for one, and "Hủy" cancels the read', async (t) => {
    const card = truth('an-2021');
    await admin.call('admin.simulator.removeCard', { reader: READER }).catch(() => {});
    await withReadPage(t, 'card-read-cancelled', async (page) => {
      await eventually(async () => {
        assert.equal(await page.locator('#read-reader').inputValue(), READER);
      }, { timeoutMs: UI_TIMEOUT_MS });
      await typePersonalKey(page, card.printed.id, card.printed.dob);
      await page.locator('#read-start').click();
      await eventually(async () => {
        assert.equal(await text(page.locator('#read-progress-text')), VI['read.state.waitingForCard']);
      }, { timeoutMs: UI_TIMEOUT_MS });
      assert.equal(await page.locator('#read-start').isDisabled(), true, 'a second read can be started');
      await page.locator('#read-cancel').click();
      await eventually(async () => {
        assert.equal(await page.locator('#read-alert').getAttribute('data-reason'), 'CANCELLED');
        assert.equal(await page.locator('#read-start').isDisabled(), false);
        assert.equal(await page.locator('#read-cancel').isDisabled(), true);
      }, { timeoutMs: UI_TIMEOUT_MS });
      assert.ok((await text(page.locator('#read-alert'))).length > 0);
    });
  });
});
