// "Đọc CCCD": pick a reader, type an access key, card.read with live card.progress / card.data,
// then the photo, the citizen's fields and the verdict. The read result lives only in this module's
// memory (never storage, never the console log) and "Xoá kết quả" drops it. setupCardRead returns
// a small controller through which card-qr.js runs card.readFromQr into the same views.

import { byId, el, replaceChildren } from './dom.js';
import { errorText, onLangChange, t } from './i18n.js';
import { announce } from './announcer.js';
import { progressFraction, progressText, renderPerson, renderPhoto, renderVerdict } from './card-view.js';

const WAIT_FOR_CARD_SECONDS = 30;
// card.read may wait for a card, then read ~20 KB over a slow contact interface; card.readFromQr
// scans the card first.
const READ_TIMEOUT_MS = (WAIT_FOR_CARD_SECONDS + 90) * 1000;
const SCAN_TIMEOUT_MS = 60 * 1000;
const DATE = /^\d{2}\/\d{2}\/\d{4}$/;

/** A fresh nonce for the chip to sign: 24 characters of base64url, as card.read accepts. */
function randomChallenge() {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

export function setupCardRead(client) {
  const ui = {
    form: byId('read-form'),
    reader: byId('read-reader'),
    readerEmpty: byId('read-reader-empty'),
    idNumber: byId('read-id-number'),
    dob: byId('read-dob'),
    doe: byId('read-doe'),
    can: byId('read-can'),
    mrz: byId('read-mrz'),
    qr: byId('read-qr'),
    challenge: byId('read-challenge'),
    start: byId('read-start'),
    cancel: byId('read-cancel'),
    clear: byId('read-clear'),
    alert: byId('read-alert'),
    progress: byId('read-progress'),
    progressText: byId('read-progress-text'),
    result: byId('read-result'),
    unverified: byId('read-unverified'),
    photo: byId('read-photo'),
    photoCaption: byId('read-photo-caption'),
    fields: byId('read-fields'),
    meta: byId('read-meta'),
    problems: byId('read-problems'),
    verdictCard: byId('read-verdict-card'),
    verdict: byId('read-verdict'),
  };
  const modes = [...document.querySelectorAll('input[name="read-key-mode"]')];
  const keyPanels = [...document.querySelectorAll('.key-fields[data-mode]')];

  const readers = new Map(); // id → device (readers only)
  let chosenByUser = false; // once the user picks a reader, card events no longer move the choice
  // What is shown; kept so that a language change can re-render it.
  const view = { progress: null, person: null, verified: false, result: null, error: null };
  let reading = null; // {readId|null} while card.read is in flight
  const busyListeners = new Set();
  const clearListeners = new Set();
  const resultListeners = new Set(); // the procedure wizard takes the read's readId and person
  const progressListeners = new Set();

  // ---------- readers ----------

  function renderReaders() {
    const list = [...readers.values()].sort((a, b) => a.id.localeCompare(b.id));
    let selected = ui.reader.value;
    if (!chosenByUser || !readers.has(selected)) {
      selected = (list.find((d) => d.cardPresent) ?? list.find((d) => d.id === selected) ?? list[0])?.id ?? '';
    }
    replaceChildren(ui.reader, list.map((d) => el('option', { value: d.id },
      t('read.readerOption', {
        name: d.name || d.id,
        card: t(d.cardPresent ? 'devices.card.present' : 'devices.card.absent'),
      }))));
    ui.reader.value = selected;
    ui.readerEmpty.hidden = list.length > 0;
  }

  async function loadReaders() {
    try {
      const { devices } = await client.call('devices.list', { kind: 'reader' });
      readers.clear();
      for (const d of devices) if (d.kind === 'reader') readers.set(d.id, d);
    } catch {
      // the devices tab shows the error; the picker stays as it was
    }
    renderReaders();
  }

  function setCard(readerId, present) {
    const d = readers.get(readerId);
    if (!d) {
      loadReaders();
      return;
    }
    d.cardPresent = present;
    renderReaders();
  }

  // ---------- key ----------

  function currentMode() {
    return modes.find((m) => m.checked)?.value ?? 'personal';
  }

  function showMode() {
    const mode = currentMode();
    for (const panel of keyPanels) panel.hidden = panel.dataset.mode !== mode;
  }

  /** The `key` object for card.read, or throws a message key naming what is missing. */
  function keyFromForm() {
    const mode = currentMode();
    if (mode === 'can') {
      const can = ui.can.value.trim();
      if (!/^\d{6}$/.test(can)) throw new FormProblem('read.missing.can', ui.can);
      return { can };
    }
    if (mode === 'mrz') {
      const mrz = ui.mrz.value.trim();
      if (!mrz) throw new FormProblem('read.missing.mrz', ui.mrz);
      return { mrz };
    }
    if (mode === 'qr') {
      const qr = ui.qr.value.trim();
      if (!qr) throw new FormProblem('read.missing.qr', ui.qr);
      return { qr };
    }
    const idNumber = ui.idNumber.value.replace(/\s+/g, '');
    if (!/^\d{12}$/.test(idNumber)) throw new FormProblem('read.missing.idNumber', ui.idNumber);
    const dateOfBirth = ui.dob.value.trim();
    if (!DATE.test(dateOfBirth)) throw new FormProblem('read.missing.dob', ui.dob);
    const key = { idNumber, dateOfBirth };
    const dateOfExpiry = ui.doe.value.trim();
    if (dateOfExpiry) key.dateOfExpiry = dateOfExpiry;
    return key;
  }

  // ---------- rendering ----------

  function renderAlert() {
    const err = view.error;
    if (!err) {
      ui.alert.hidden = true;
      ui.alert.textContent = '';
      return;
    }
    ui.alert.textContent = err instanceof FormProblem ? t(err.key) : errorText(err);
    ui.alert.dataset.reason = err instanceof FormProblem ? 'FORM' : err?.data?.reason ?? '';
    ui.alert.hidden = false;
  }

  function renderProgress() {
    const fraction = progressFraction(view.progress);
    ui.progress.value = fraction;
    ui.progress.dataset.state = view.progress?.state ?? 'idle';
    ui.progressText.textContent = progressText(view.progress);
  }

  function renderResult() {
    const result = view.result;
    const person = result?.person ?? view.person;
    ui.result.hidden = !person && !result;
    ui.unverified.hidden = !(person && !result);
    renderPerson(ui.fields, person);
    renderPhoto(ui.photo, ui.photoCaption, result?.photo ?? null);
    const meta = result ? [t('read.meta', {
      method: result.authentication?.method ?? '?', apdus: result.apduCount ?? '?', ms: result.milliseconds ?? '?',
    })] : [];
    if (result?.qr) {
      const source = ['scan', 'blob', 'image'].includes(result.qr.source) ? result.qr.source : 'scan';
      meta.push(t('qr.meta', { source: t(`qr.source.${source}`), symbols: result.qr.symbolsFound ?? '?' }));
    }
    ui.meta.textContent = meta.join(' · ');
    const problems = Array.isArray(result?.problems) ? result.problems : [];
    ui.problems.hidden = problems.length === 0;
    replaceChildren(ui.problems, problems.length ? el('li', {}, t('read.problems', { list: problems.join(', ') })) : null);
    ui.verdictCard.hidden = !result?.verification;
    renderVerdict(ui.verdict, result?.verification ?? null);
    ui.clear.hidden = !person && !result;
  }

  function renderButtons() {
    ui.start.disabled = reading !== null;
    ui.start.setAttribute('aria-busy', String(reading !== null));
    ui.cancel.disabled = reading === null;
    for (const listener of busyListeners) listener(reading !== null);
  }

  function render() {
    renderAlert();
    renderProgress();
    renderResult();
    renderButtons();
  }

  // ---------- the read ----------

  function onProgress(params) {
    if (!reading) return;
    if (reading.readId && params.readId && params.readId !== reading.readId) return;
    reading.readId ??= params.readId ?? null;
    view.progress = params;
    renderProgress();
    for (const listener of progressListeners) listener(params);
  }

  function onData(params) {
    if (!reading) return;
    if (reading.readId && params.readId && params.readId !== reading.readId) return;
    reading.readId ??= params.readId ?? null;
    view.person = params.person ?? null;
    view.verified = params.verified === true;
    renderResult();
  }

  async function read() {
    if (reading) return;
    let key;
    try {
      key = keyFromForm();
    } catch (problem) {
      if (!(problem instanceof FormProblem)) throw problem;
      view.error = problem;
      renderAlert();
      problem.field.focus();
      return;
    }
    await run('card.read', { key });
  }

  /** card.read or card.readFromQr with the form's reader and challenge, into the same views. */
  async function run(method, params) {
    if (reading) return;
    const all = { ...params, waitForCardSeconds: WAIT_FOR_CARD_SECONDS };
    if (ui.reader.value) all.reader = ui.reader.value;
    all.challenge = ui.challenge.value.trim() || randomChallenge();
    const timeoutMs = READ_TIMEOUT_MS + (method === 'card.readFromQr' ? SCAN_TIMEOUT_MS : 0);

    reading = { readId: null };
    Object.assign(view, { progress: { state: 'starting' }, person: null, verified: false, result: null, error: null });
    render();
    try {
      const result = await client.call(method, all, { timeoutMs });
      view.result = result;
      view.progress = { state: 'done' };
      announce(t('read.state.done'));
    } catch (err) {
      view.error = err;
      view.person = null; // fields of a read that failed are not shown as if they were the card's
      view.progress = { state: 'failed' };
    } finally {
      reading = null;
      render();
    }
    for (const listener of progressListeners) listener(view.progress);
    for (const listener of resultListeners) listener({ result: view.result, error: view.error });
  }

  async function cancel() {
    if (!reading) return;
    view.progress = { ...view.progress, state: 'cancelling' };
    renderProgress();
    try {
      await client.call('card.cancel', reading.readId ? { readId: reading.readId } : {});
    } catch (err) {
      view.error = err;
      renderAlert();
    }
  }

  function clear() {
    Object.assign(view, { progress: null, person: null, verified: false, result: null, error: null });
    render();
    for (const listener of clearListeners) listener();
  }

  // ---------- wiring ----------

  ui.form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    read();
  });
  ui.cancel.addEventListener('click', cancel);
  ui.clear.addEventListener('click', clear);
  ui.reader.addEventListener('change', () => { chosenByUser = true; });
  for (const m of modes) m.addEventListener('change', showMode);

  client.onNotification('card.progress', (_, p) => onProgress(p));
  client.onNotification('card.data', (_, p) => onData(p));
  client.onNotification('card.inserted', (_, p) => setCard(p.reader, true));
  client.onNotification('card.removed', (_, p) => setCard(p.reader, false));
  client.onNotification('device.added', (_, p) => {
    if (p.device?.kind !== 'reader') return;
    readers.set(p.device.id, p.device);
    renderReaders();
  });
  client.onNotification('device.removed', (_, p) => {
    if (readers.delete(p.device?.id)) renderReaders();
  });
  client.subscribe(['device.*', 'card.*']).catch(() => { /* re-sent on connect */ });
  client.whenOpen(loadReaders);
  onLangChange(() => {
    renderReaders();
    render();
  });
  showMode();
  render();

  return {
    run,
    read,
    isReading: () => reading !== null,
    /** Shows an error of a step before the read (qr.parse …) in the read alert; null hides it. */
    showError(err) {
      view.error = err;
      renderAlert();
    },
    /** Shows a console message (a key of the string tables) about `field`, and focuses it. */
    showProblem(key, field) {
      view.error = new FormProblem(key, field);
      renderAlert();
      field.focus();
    },
    /** Puts a QR text in the "Mã QR" key field and selects that key mode. */
    useQrKey(text) {
      for (const m of modes) m.checked = m.value === 'qr';
      ui.qr.value = text;
      showMode();
    },
    onBusyChange: (listener) => busyListeners.add(listener),
    onClear: (listener) => clearListeners.add(listener),
    /** `listener({result, error})` after every read, whichever tab started it. */
    onResult: (listener) => resultListeners.add(listener),
    /** `listener(progress)` on every card.progress of the running read, and at its end. */
    onProgress: (listener) => progressListeners.add(listener),
  };
}

/** A missing or malformed key field: shown in the alert, focus goes to the field. */
class FormProblem extends Error {
  constructor(key, field) {
    super(key);
    this.key = key;
    this.field = field;
  }
}
