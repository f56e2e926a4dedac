// End-to-end test of the console's "Thủ tục" tab (issue 6: the procedure wizard) in a real browser
// (Debian's Chromium through playwright-core) against a real onestopd with the simulator's chip,
// scanner and printer, the built-in procedures and the generated test cards. What the page shows
// is compared with the daemon's own answers to a token-authenticated client (cases.get,
// procedures.list/get, forms.render) and with the card's truth (<testcards>/<card>/card.json).
// Screenshots of every step go to ONESTOP_E2E_ARTIFACTS (procedure-*.png).
//
// Environment (set by ctest, see CMakeLists.txt): ONESTOPD, ONESTOP_TEST_CONFIG,
// ONESTOP_TEST_CARDS, ONESTOP_E2E_ARTIFACTS, ONESTOP_CHROMIUM (default /usr/bin/chromium).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from '../node/rpc.mjs';
import { ARTIFACTS, STRINGS, UI_TIMEOUT_MS, cardTruth, startBrowserSuite, stopBrowserSuite, text, withConsolePage } from './harness.mjs';

const SCANNER = 'simulator/scanner-0';
const READER = 'simulator/reader-0';
const PROCEDURE = 'tam-tru';
const CARD = 'an-2021';
const READ_TIMEOUT_MS = 40000; // scan + QR + a whole chip read on a busy 2-core machine
const WORK_TIMEOUT_MS = 30000; // a render, a scan, a print job
const VI = STRINGS.vi;
const EN = STRINGS.en;
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

const fill = (template, vars) => template.replace(/\{(\w+)\}/g, (_, k) => String(vars[k]));
/** 15000 → "15.000": Vietnamese digit grouping. */
const dong = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const errorsOf = (kase) => (kase.problems ?? []).filter((p) => p.severity !== 'warning');
const shoot = (page, name) => page.screenshot({ path: join(ARTIFACTS, `procedure-${name}.png`), fullPage: true });

describe('"Thủ tục": the procedure wizard in Chromium', () => {
  let suite;
  let schema; // procedures.get of tam-tru
  let printer;
  before(async () => {
    suite = await startBrowserSuite();
    schema = await suite.admin.call('procedures.get', { id: PROCEDURE });
    const { devices } = await suite.admin.call('devices.list', { kind: 'printer' });
    printer = devices.find((d) => d.kind === 'printer')?.id;
    assert.ok(printer, `the simulator offers no printer: ${JSON.stringify(devices)}`);
  });
  after(() => stopBrowserSuite(suite));

  const caseOf = async (id) => (await suite.admin.call('cases.get', { case: id })).case;
  const fieldType = (id) => schema.fields.find((f) => f.id === id)?.type;
  /** Where the page lists a problem: under its field, or with the form's other problems. */
  const problemList = (p) => {
    const base = String(p.field ?? '').split(/[.[]/)[0];
    return schema.fields.some((f) => f.id === base) ? `#proc-f-${base}-problems` : '#proc-form-problems';
  };

  /** The id of the case the page created: from the cases.create reply its socket received. */
  const createdCaseId = (received, from) => eventually(() => {
    const reply = received.slice(from).find((m) => typeof m.result?.case?.id === 'string');
    assert.ok(reply, 'the page got no case');
    return reply.result.case.id;
  }, { timeoutMs: UI_TIMEOUT_MS });

  /** Sets a form field as a person would: choose, tick or type. */
  async function setField(page, id, value) {
    const control = page.locator(`#proc-f-${id}`);
    const type = fieldType(id);
    assert.ok(type, `${PROCEDURE} has no field ${id}`);
    if (type === 'select') await control.selectOption(String(value));
    else if (type === 'boolean') await control.setChecked(value === true);
    else await control.fill(String(value));
  }

  /** Waits until the edits reached the daemon: "Đã lưu", and cases.get holds `expected`. */
  async function saved(page, id, expected) {
    await eventually(async () => {
      assert.equal(await page.locator('#proc-form-save').getAttribute('data-state'), 'completed',
        await text(page.locator('#proc-form-save')));
      const kase = await caseOf(id);
      for (const [field, value] of Object.entries(expected)) assert.deepEqual(kase.form[field], value, field);
    }, { timeoutMs: UI_TIMEOUT_MS });
    return caseOf(id);
  }

  /** Picks the procedure on step 2 and presses "Tạo hồ sơ": the new case's id. */
  async function createCase(page, received) {
    await eventually(async () => {
      assert.ok(await page.locator(`#proc-list li[data-procedure="${PROCEDURE}"]`).isVisible(), 'no tam-tru offered');
    }, { timeoutMs: UI_TIMEOUT_MS });
    await page.locator(`#proc-option-${PROCEDURE}`).check();
    const from = received.length;
    await page.locator('#proc-create').click();
    const id = await createdCaseId(received, from);
    await eventually(async () => {
      assert.ok(await page.locator('#proc-step-form').isVisible(), 'the form step is not shown');
      assert.equal(await page.locator('#proc-form .form-field').count(), schema.fields.length);
    }, { timeoutMs: UI_TIMEOUT_MS });
    return id;
  }

  /** Goes to a step through the step list, as a person would. */
  async function openStep(page, step) {
    await page.locator(`#proc-steps button[data-step="${step}"]`).click();
    assert.ok(await page.locator(`#proc-step-${step}`).isVisible(), `step ${step} is not shown`);
  }

  /** The values that make a tam-tru form valid (its own Lua tests use the same), after `kase`'s prefill. */
  function validValues(kase, card) {
    const [d, m, y] = kase.form.from_date.split('/').map(Number);
    const until = `${String(Math.min(d, 28)).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y + 1}`;
    // The counter's own province and ward prefill the address when the daemon's config names a
    // unit; otherwise a ward of Hà Nội is typed as staff would.
    const address = kase.form.addr_province && kase.form.addr_ward ? {} : { addr_province: '01', addr_ward: 'Phường Ba Đình' };
    return {
      ...address,
      phone: '0912345678',
      lodging_kind: 'rented',
      outside_permanent_commune: true,
      to_date: until,
      head_name: card.printed.name,
      head_relationship: 'chu_ho',
      head_id_number: card.printed.id,
      addr_house: 'Số 5',
      addr_street: 'Ngõ 34 Phố Huế',
      owner_name: 'Phạm Văn Chủ',
    };
  }

  test('(a) tam-tru from a chip read to a printed form and a saved case with its CT04 receipt', async (t) => {
    const card = cardTruth(CARD);
    await suite.admin.call('admin.simulator.placeOnGlass', { scanner: SCANNER, card: CARD });
    await suite.admin.call('admin.simulator.removeCard', { reader: READER }).catch(() => {});
    await suite.admin.call('admin.simulator.insertCard', { reader: READER, card: CARD });
    const { procedures } = await suite.admin.call('procedures.list', {});
    const manifest = procedures.find((p) => p.id === PROCEDURE);
    assert.ok(manifest, `procedures.list lacks ${PROCEDURE}`);

    await withConsolePage(t, { ...suite, tab: 'procedure', shot: 'procedure-final' }, async (page, { received }) => {
      // 1. The card, read from its QR and chip without a key typed.
      await eventually(async () => {
        assert.equal(await page.locator('#proc-card-qr').isDisabled(), false, 'no scanner for the QR read');
      }, { timeoutMs: UI_TIMEOUT_MS });
      await page.locator('#proc-card-qr').click();
      await eventually(async () => {
        assert.equal(await page.locator('#proc-card-status').getAttribute('data-state'), 'completed',
          `${await text(page.locator('#proc-card-status'))} / ${await text(page.locator('#proc-alert'))}`);
      }, { timeoutMs: READ_TIMEOUT_MS });
      const person = (key) => text(page.locator(`#proc-card-person dd[data-field="${key}"]`));
      assert.equal(await person('fullName'), card.printed.name);
      assert.equal(await person('idNumber'), card.printed.id);
      assert.equal(await page.locator('#proc-card-verdict').getAttribute('data-verified'), 'true');
      await shoot(page, '1-card');
      await page.locator('#proc-card-use').click();

      // 2. The procedures as the daemon lists them, with code, time limit and fee.
      assert.ok(await page.locator('#proc-step-choose').isVisible());
      await eventually(async () => {
        assert.equal(await page.locator('#proc-list li').count(), procedures.length);
      }, { timeoutMs: UI_TIMEOUT_MS });
      const option = page.locator(`#proc-list li[data-procedure="${PROCEDURE}"]`);
      assert.equal(await text(option.locator('.procedure-title')), manifest.title.vi);
      assert.equal(await text(option.locator('.procedure-code')), fill(VI['proc.choose.code'], { code: manifest.procedureCode }));
      assert.ok((await text(option.locator('[data-fact="timeLimit"]'))).endsWith(fill(VI['proc.time.days'], { n: manifest.timeLimit.workingDays })));
      const fee = await text(option.locator('[data-fact="fee"]'));
      assert.ok(fee.includes(`${dong(manifest.fee.inPerson)} đồng`), fee);
      assert.ok(fee.includes(`${dong(manifest.fee.online)} đồng`), fee);
      await shoot(page, '2-choose');

      // 3. The form prefilled from the card, every value as the daemon holds it.
      const id = await createCase(page, received);
      let kase = await caseOf(id);
      assert.equal(kase.status, 'draft');
      assert.equal(kase.card?.verified, true, JSON.stringify(kase.card));
      assert.equal(kase.form.full_name, card.printed.name);
      assert.equal(kase.form.id_number, card.printed.id);
      assert.equal(kase.form.date_of_birth, card.printed.dob);
      assert.ok((await text(page.locator('#proc-case-text'))).includes(id));
      for (const field of schema.fields) {
        if (['table', 'boolean'].includes(field.type ?? 'text')) continue;
        const shown = await page.locator(`#proc-f-${field.id}`).inputValue();
        assert.equal(shown, String(kase.form[field.id] ?? ''), `field ${field.id}`);
      }
      const fromCard = page.locator('.form-field[data-field="full_name"] .badge-source');
      assert.equal(await text(fromCard), VI['proc.form.fromCard']);
      assert.equal(await page.locator('.badge-source').count(), schema.fields.filter((f) => f.source === 'card').length);

      // A bad phone number: the daemon's PHONE_INVALID under the field, in Vietnamese then English.
      await setField(page, 'phone', '12345');
      kase = await saved(page, id, { phone: '12345' });
      const phoneProblem = kase.problems.find((p) => p.field === 'phone' && p.code === 'PHONE_INVALID');
      assert.ok(phoneProblem, JSON.stringify(kase.problems));
      const inline = page.locator('#proc-f-phone-problems li[data-code="PHONE_INVALID"]');
      await eventually(async () => assert.ok(await inline.isVisible(), 'no inline PHONE_INVALID'), { timeoutMs: UI_TIMEOUT_MS });
      assert.equal(await text(inline.locator('.problem-text')), phoneProblem.vi);
      assert.match(phoneProblem.vi, VIETNAMESE);
      assert.equal(await inline.getAttribute('data-severity'), 'error');
      assert.equal(await page.locator('#proc-f-phone').getAttribute('aria-invalid'), 'true');
      await shoot(page, '3-form-bad-phone');
      await page.locator('[data-lang="en"]').click();
      assert.equal(await text(inline.locator('.problem-text')), phoneProblem.en);
      assert.equal(await page.locator('#proc-f-phone').inputValue(), '12345', 'the edit survives the language change');
      await page.locator('[data-lang="vi"]').click();

      // A rented lodging without the owner's name: a warning, styled apart from errors.
      await setField(page, 'lodging_kind', 'rented');
      kase = await saved(page, id, { lodging_kind: 'rented' });
      const warning = kase.problems.find((p) => p.severity === 'warning');
      assert.ok(warning, `no warning among ${JSON.stringify(kase.problems)}`);
      const warningItem = page.locator(`${problemList(warning)} li[data-code="${warning.code}"]`).first();
      await eventually(async () => assert.ok(await warningItem.isVisible(), 'the warning is not shown'), { timeoutMs: UI_TIMEOUT_MS });
      assert.equal(await warningItem.getAttribute('data-severity'), 'warning');
      const colours = await page.evaluate(() => ['.problem-error', '.problem-warning'].map((s) =>
        getComputedStyle(document.querySelector(s)).backgroundColor));
      assert.notEqual(colours[0], colours[1], 'errors and warnings look the same');

      // Everything the card cannot know, then no error is left.
      const values = validValues(kase, card);
      for (const [field, value] of Object.entries(values)) await setField(page, field, value);
      kase = await saved(page, id, values);
      assert.deepEqual(errorsOf(kase), [], 'errors left on a complete form');
      assert.equal(await page.locator('#proc-f-phone-problems li').count(), 0);
      assert.notEqual(await page.locator('#proc-form-summary').getAttribute('data-state'), 'error');
      await shoot(page, '3-form');

      // 4. Documents as the case lists them; a scan attached to the lease contract.
      await page.locator('#proc-next').click();
      assert.ok(await page.locator('#proc-step-documents').isVisible());
      const shownDocs = await page.locator('#proc-documents li').evaluateAll((ls) => ls.map((l) => l.dataset.document));
      assert.deepEqual(shownDocs, kase.documents.map((d) => d.id));
      for (const d of kase.documents) {
        const item = page.locator(`#proc-documents li[data-document="${d.id}"]`);
        assert.equal(await item.locator('[data-badge="inDb"]').count(), d.availableInDb ? 1 : 0, d.id);
        assert.equal(await text(item.locator('[data-badge="required"]')), VI[d.required ? 'proc.docs.required' : 'proc.docs.optional']);
      }
      const lease = kase.documents.find((d) => d.id === 'lease_contract') ?? kase.documents[0];
      await suite.admin.call('admin.simulator.placeOnGlass', { scanner: SCANNER, card: null });
      await page.locator(`#proc-documents li[data-document="${lease.id}"] button[data-action="scan"]`).click();
      await eventually(async () => {
        const pages = Number(await page.locator(`#proc-documents li[data-document="${lease.id}"] [data-pages]`).getAttribute('data-pages'));
        assert.ok(pages >= 1, `attached: ${pages}; ${await text(page.locator('#proc-alert'))}`);
      }, { timeoutMs: WORK_TIMEOUT_MS });
      kase = await caseOf(id);
      assert.ok(kase.documents.find((d) => d.id === lease.id).attached.length >= 1, 'the daemon holds no attachment');
      await shoot(page, '4-documents');

      // 5. The preview: every page as the daemon renders it, and the PDF.
      await page.locator('#proc-next').click();
      const rendered = await suite.admin.call('forms.render', { case: id, format: 'png', page: 0 });
      await eventually(async () => {
        const widths = await page.locator('#proc-preview-pages img').evaluateAll((is) => is.map((i) => i.complete && i.naturalWidth));
        assert.equal(widths.length, rendered.pages, `${widths.length} pages shown; ${await text(page.locator('#proc-alert'))}`);
        assert.ok(widths.every((w) => w > 0), `not decoded: ${JSON.stringify(widths)}`);
      }, { timeoutMs: WORK_TIMEOUT_MS });
      assert.equal(await text(page.locator('#proc-preview-status')), fill(VI['proc.preview.ready'], { pages: rendered.pages }));
      const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#proc-preview-pdf').click()]);
      assert.ok(readFileSync(await pdfDownload.path()).toString('latin1').startsWith('%PDF-'), 'the preview PDF is not a PDF');
      await shoot(page, '5-preview');

      // 6. Print on the simulator's printer: the job runs to "Đã in xong".
      await page.locator('#proc-next').click();
      await eventually(async () => assert.equal(await page.locator('#proc-printer').inputValue(), printer), { timeoutMs: UI_TIMEOUT_MS });
      await page.locator('#proc-copies').fill('2');
      await page.locator('#proc-print').click();
      await eventually(async () => {
        assert.equal(await page.locator('#proc-print-status').getAttribute('data-state'), 'completed',
          `${await text(page.locator('#proc-print-status'))} / ${await text(page.locator('#proc-alert'))}`);
      }, { timeoutMs: WORK_TIMEOUT_MS });
      const submitted = received.find((m) => typeof m.result?.job === 'string');
      assert.ok(submitted, 'the page got no print job');
      // print.status answers only the submitting session: the page's own socket is the witness.
      assert.ok(received.some((m) => m.method === 'print.completed' && m.params?.job === submitted.result.job)
        || received.some((m) => m.result?.job === submitted.result.job && m.result?.state === 'completed'),
      'the page saw no completed print job');
      assert.equal(await text(page.locator('#proc-print-status')), VI['proc.print.state.completed']);
      await shoot(page, '6-print');

      // 7. Save: the case is accepted with a CT04 receipt, shown as the daemon issued it.
      await page.locator('#proc-next').click();
      await page.locator('#proc-submit').click();
      await eventually(async () => {
        assert.ok(await page.locator('#proc-receipt').isVisible(), `no receipt; ${await text(page.locator('#proc-alert'))}`);
        assert.ok(await page.locator('#proc-receipt-pdf').isVisible(), 'no receipt PDF link');
      }, { timeoutMs: WORK_TIMEOUT_MS });
      kase = await caseOf(id);
      assert.equal(kase.status, 'submitted');
      assert.equal(kase.receipt?.kind, 'CT04');
      const receiptFact = (key) => text(page.locator(`#proc-receipt-facts dd[data-field="${key}"]`));
      assert.equal(await receiptFact('kind'), VI['proc.receipt.kind.CT04']);
      assert.equal(await receiptFact('number'), String(kase.receipt.number));
      assert.equal(await receiptFact('fileCode'), String(kase.receipt.fileCode));
      const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(kase.receipt.dueDate);
      assert.ok(iso || /^\d{2}\/\d{2}\/\d{4}$/.test(kase.receipt.dueDate), `due date ${kase.receipt.dueDate}`);
      assert.equal(await receiptFact('dueDate'), iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : kase.receipt.dueDate);
      const [receiptDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#proc-receipt-pdf').click()]);
      assert.ok(readFileSync(await receiptDownload.path()).toString('latin1').startsWith('%PDF-'), 'the receipt is not a PDF');
      assert.equal(await page.locator('#proc-case-line').getAttribute('data-status'), 'submitted');
      assert.equal(await page.locator('#proc-submit').isDisabled(), true, 'a saved case can be saved again');
      await shoot(page, '7-receipt');
      await openStep(page, 'form');
      assert.equal(await page.locator('#proc-f-phone').isDisabled(), true, 'a saved case stays editable');
    });
  });

  test('(b) saving a form with errors is refused: the problems are shown on the fields', async (t) => {
    await withConsolePage(t, { ...suite, tab: 'procedure', shot: 'procedure-refused' }, async (page, { received }) => {
      await page.locator('#proc-card-manual').click();
      const id = await createCase(page, received);
      const before = await caseOf(id);
      assert.ok(before.card === null || before.card.source === 'manual', `a case typed in has a card: ${JSON.stringify(before.card)}`);
      assert.equal(before.form.full_name ?? '', '', 'a case typed in was prefilled');
      assert.ok(errorsOf(before).length > 0, 'an empty tam-tru form has no errors');
      await openStep(page, 'save');
      const from = received.length;
      await page.locator('#proc-submit').click();
      const refusal = await eventually(() => {
        const reply = received.slice(from).find((m) => m.error?.data?.reason === 'VALIDATION_FAILED');
        assert.ok(reply, 'cases.submit was not refused');
        return reply.error.data;
      }, { timeoutMs: UI_TIMEOUT_MS });
      const problems = refusal.details?.problems ?? [];
      assert.ok(problems.length > 0, 'the refusal carries no problems');
      await eventually(async () => assert.ok(await page.locator('#proc-step-form').isVisible(), 'not back on the form'),
        { timeoutMs: UI_TIMEOUT_MS });
      for (const p of problems.filter((x) => x.severity !== 'warning')) {
        const item = page.locator(`${problemList(p)} li[data-code="${p.code}"]`).first();
        assert.ok(await item.isVisible(), `${p.field} ${p.code} is not shown`);
      }
      assert.equal(await page.locator('#proc-form-summary').getAttribute('data-state'), 'error');
      assert.equal((await caseOf(id)).status, 'draft', 'a refused case changed status');
      assert.equal(await page.locator('#proc-alert').getAttribute('data-reason'), 'VALIDATION_FAILED');
      await shoot(page, 'refused');
    });
  });

  test('(c) a stopped printer: the Vietnamese PRINTER_STOPPED message, the case kept, then a print works', async (t) => {
    await suite.admin.call('admin.simulator.printerFault', { fault: 'stopped' });
    try {
      await withConsolePage(t, { ...suite, tab: 'procedure', shot: 'procedure-printer-stopped' }, async (page, { received }) => {
        await page.locator('#proc-card-manual').click();
        const id = await createCase(page, received);
        await openStep(page, 'print');
        await eventually(async () => assert.equal(await page.locator('#proc-printer').inputValue(), printer), { timeoutMs: UI_TIMEOUT_MS });
        await page.locator('#proc-print').click();
        const alert = page.locator('#proc-alert');
        await eventually(async () => {
          assert.equal(await alert.getAttribute('data-reason'), 'PRINTER_STOPPED', await text(alert));
        }, { timeoutMs: WORK_TIMEOUT_MS });
        // The daemon's own message, as the page received it (the reply or print.failed).
        const error = received.map((m) => m.error?.data ?? m.params?.error).find((e) => e?.reason === 'PRINTER_STOPPED');
        assert.ok(error, 'the page got no PRINTER_STOPPED');
        assert.equal(await text(alert.locator('.alert-message')), error.message.vi);
        assert.match(error.message.vi, VIETNAMESE);
        assert.equal(await text(alert.locator('.alert-kept')), fill(VI['proc.print.caseKept'], { id }));
        assert.ok((await text(alert)).includes('Hồ sơ vẫn được giữ'));
        assert.equal(await page.locator('#proc-print-status').getAttribute('data-state'), 'failed');
        await shoot(page, 'printer-stopped');
        await page.locator('[data-lang="en"]').click();
        assert.equal(await text(alert.locator('.alert-message')), error.message.en);
        assert.equal(await text(alert.locator('.alert-kept')), fill(EN['proc.print.caseKept'], { id }));
        await page.locator('[data-lang="vi"]').click();
        // The case is untouched by the fault.
        const kept = await caseOf(id);
        assert.equal(kept.id, id);
        assert.equal(kept.status, 'draft');

        await suite.admin.call('admin.simulator.printerFault', { fault: 'none' });
        await page.locator('#proc-print').click();
        await eventually(async () => {
          assert.equal(await page.locator('#proc-print-status').getAttribute('data-state'), 'completed', await text(alert));
        }, { timeoutMs: WORK_TIMEOUT_MS });
        assert.equal(await alert.isHidden(), true, `alert: ${await text(alert)}`);
      });
    } finally {
      await suite.admin.call('admin.simulator.printerFault', { fault: 'none' });
    }
  });
});
