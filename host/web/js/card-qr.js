// The QR ways into a card read on "Đọc CCCD" (issue 5), so that staff type no key:
// - "Đọc bằng mã QR": card.readFromQr scans the card on a scanner, decodes its QR, derives the
//   key and reads the chip; progress and result go to card-read.js's views.
// - "Nhập mã QR": a handheld QR reader types the QR text and Enter into a text box (keyboard
//   wedge); qr.parse shows what the QR holds, then card.read runs with key.qr.
// The parsed fields are citizen data: only on screen, dropped by "Xoá kết quả".

import { byId, el, replaceChildren } from './dom.js';
import { onLangChange, t } from './i18n.js';
import { renderScannerOptions } from './scanners.js';

// What qr.parse found in a card QR, in display order; labels shared with the chip's fields.
const CARD_FIELDS = [
  { key: 'generation', label: 'qr.field.generation', format: (v) => t(`qr.generation.${['2021', '2024'].includes(v) ? v : 'unknown'}`) },
  { key: 'idNumber', label: 'read.field.idNumber' },
  { key: 'oldIdNumber', label: 'read.field.oldIdNumber' },
  { key: 'fullName', label: 'read.field.fullName' },
  { key: 'dateOfBirth', label: 'read.field.dateOfBirth', format: isoToDisplay },
  { key: 'sex', label: 'read.field.sex', format: (v) => (v === 'M' || v === 'F' ? t(v === 'M' ? 'read.sex.M' : 'read.sex.F') : v) },
  { key: 'address', label: 'qr.field.address' },
  { key: 'dateOfIssue', label: 'read.field.dateOfIssue', format: isoToDisplay },
];

/** yyyy-mm-dd → dd/mm/yyyy, as the chip's dates are shown; anything else as it is. */
function isoToDisplay(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

function facts(rows) {
  return rows.flatMap(([key, label, value]) => [
    el('dt', { 'data-field': key }, label),
    el('dd', { 'data-field': key }, value === null || value === undefined || value === '' ? t('read.empty') : String(value)),
  ]);
}

export function setupCardQr(client, scanners, reader) {
  const ui = {
    scannerField: byId('read-qr-scanner-field'),
    scanner: byId('read-qr-scanner'),
    noScanners: byId('read-qr-no-scanners'),
    start: byId('read-qr-start'),
    typed: byId('read-qr-typed'),
    parsed: byId('read-qr-parsed'),
    parsedTitle: byId('read-qr-parsed-title'),
    parsedFields: byId('read-qr-parsed-fields'),
    parsedNote: byId('read-qr-parsed-note'),
  };
  let parsed = null; // the last qr.parse result on screen
  let parsing = false;
  let busy = false;

  // ---------- rendering ----------

  function renderScanners(list) {
    renderScannerOptions(ui.scanner, list);
    // A picker only when there is a choice to make.
    ui.scannerField.hidden = list.length < 2;
    ui.noScanners.hidden = list.length > 0;
    renderButtons();
  }

  function renderButtons() {
    ui.start.disabled = busy || parsing || !ui.scanner.value;
    ui.start.setAttribute('aria-busy', String(busy));
    ui.typed.setAttribute('aria-busy', String(parsing));
  }

  function renderParsed() {
    ui.parsed.hidden = !parsed;
    ui.parsed.dataset.kind = parsed?.kind ?? '';
    if (!parsed) {
      replaceChildren(ui.parsedFields);
      ui.parsedNote.textContent = '';
      return;
    }
    if (parsed.kind === 'vneidApp') {
      const app = parsed.appQr ?? {};
      const status = ['ACTIVE', 'REVOKED', 'UNKNOWN', 'UNAVAILABLE'].includes(app.status) ? app.status : 'UNKNOWN';
      ui.parsedTitle.textContent = t('qr.app.title');
      replaceChildren(ui.parsedFields, facts([
        ['status', t('qr.app.status'), t(`qr.app.status.${status}`)],
        ['validUntil', t('qr.app.validUntil'), app.validUntil ?? null],
      ]));
      ui.parsedNote.textContent = t('qr.app.noChip');
      return;
    }
    const card = parsed.card ?? {};
    ui.parsedTitle.textContent = t('qr.parsed');
    replaceChildren(ui.parsedFields, facts(CARD_FIELDS.map(({ key, label, format }) =>
      [key, t(label), format ? format(card[key]) : card[key]])));
    const findings = [...(card.idFindings ?? []), ...(card.extraFields ?? [])].filter((f) => typeof f === 'string');
    ui.parsedNote.textContent = findings.length ? t('qr.findings', { list: findings.join(', ') }) : '';
  }

  // ---------- actions ----------

  async function readFromScan() {
    if (busy || reader.isReading()) return;
    parsed = null;
    renderParsed();
    const params = {};
    if (ui.scanner.value) params.scanner = ui.scanner.value;
    await reader.run('card.readFromQr', params);
  }

  async function readFromTyped() {
    const text = ui.typed.value.trim();
    if (parsing || reader.isReading()) return;
    if (!text) {
      reader.showProblem('qr.missing', ui.typed);
      return;
    }
    parsing = true;
    parsed = null;
    renderParsed();
    renderButtons();
    let result = null;
    try {
      result = await client.call('qr.parse', { text });
    } catch (err) {
      reader.showError(err);
    } finally {
      parsing = false;
      renderButtons();
    }
    if (!result) return;
    parsed = result;
    renderParsed();
    // The box is ready for the next code; the text lives on as the read's key.
    ui.typed.value = '';
    if (result.kind !== 'cccdCard') {
      reader.showError(null);
      return;
    }
    reader.useQrKey(text);
    await reader.read();
  }

  // ---------- wiring ----------

  ui.start.addEventListener('click', readFromScan);
  ui.typed.addEventListener('keydown', (ev) => {
    // A keyboard-wedge reader ends with Enter: parse instead of submitting the key form.
    if (ev.key !== 'Enter' || ev.isComposing) return;
    ev.preventDefault();
    readFromTyped();
  });
  reader.onBusyChange((isBusy) => {
    busy = isBusy;
    renderButtons();
  });
  reader.onClear(() => {
    parsed = null;
    renderParsed();
  });
  scanners.onChange(renderScanners);
  onLangChange(() => {
    renderParsed();
    renderButtons();
  });
  renderScanners(scanners.list());
  renderParsed();
}
