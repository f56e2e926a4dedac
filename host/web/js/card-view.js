// Renders what a card read produced: the progress line, the photo, the citizen's fields and the
// verification badges. Pure views over plain data, re-run on every language change; every value
// from the card goes through textContent (via el), never markup.

import { el, replaceChildren } from './dom.js';
import { localized, t } from './i18n.js';

// Order and labels of the citizen fields; `label2024` where the 2024 card renamed the field.
const FIELDS = [
  { key: 'idNumber' },
  { key: 'fullName' },
  { key: 'dateOfBirth' },
  { key: 'sex', format: (v) => (v === 'M' || v === 'F' ? t(v === 'M' ? 'read.sex.M' : 'read.sex.F') : v) },
  { key: 'nationality' },
  { key: 'ethnicity' },
  { key: 'religion' },
  { key: 'placeOfOrigin', label2024: 'read.field.placeOfOrigin2024' },
  { key: 'placeOfResidence', label2024: 'read.field.placeOfResidence2024' },
  { key: 'identifyingMarks' },
  { key: 'dateOfIssue' },
  { key: 'expiry', format: (v) => (v?.noExpiry ? t('read.noExpiry') : v?.text ?? v?.date ?? null) },
  { key: 'father', format: relative },
  { key: 'mother', format: relative },
  { key: 'spouse', format: relative },
  { key: 'oldIdNumber' },
  { key: 'cardGeneration', format: (v) => t(`read.generation.${v === 'CCCD_2021' || v === 'CAN_CUOC_2024' ? v : 'UNKNOWN'}`) },
];

/** The five verdict groups shown as badges, in reading order. */
export const GROUPS = ['genuine', 'notRevoked', 'valid', 'consistent', 'bound'];

// A parent or spouse: the name, then any other values the card holds (2024: their ID numbers).
function relative(person) {
  if (!person?.fullName) return null;
  const others = (person.otherValues ?? []).filter(Boolean);
  return others.length ? `${person.fullName} (${others.join(', ')})` : person.fullName;
}

/** Fills the <dl> with the person's fields (empty values show as a dash). */
export function renderPerson(list, person) {
  if (!person) {
    replaceChildren(list);
    return;
  }
  const is2024 = person.cardGeneration === 'CAN_CUOC_2024';
  replaceChildren(list, FIELDS.flatMap(({ key, label2024, format }) => {
    const raw = person[key];
    const value = format ? format(raw) : raw;
    const shown = value === null || value === undefined || value === '' ? t('read.empty') : String(value);
    const label = is2024 && label2024 ? t(label2024) : t(`read.field.${key}`);
    return [el('dt', { 'data-field': key }, label), el('dd', { 'data-field': key }, shown)];
  }));
}

/** Shows the photo from its base64 data (a data: URL, allowed by the console's CSP). */
export function renderPhoto(img, caption, photo) {
  if (!photo?.data || !photo?.mime) {
    img.hidden = true;
    img.removeAttribute('src');
    caption.textContent = t('read.noPhoto');
    return;
  }
  const src = `data:${photo.mime};base64,${photo.data}`;
  if (img.getAttribute('src') !== src) img.setAttribute('src', src);
  img.alt = t('read.photoAlt');
  img.hidden = false;
  caption.textContent = t('read.photoCaption', {
    width: photo.width ?? '?', height: photo.height ?? '?', format: photo.sourceFormat ?? photo.mime,
  });
}

/** One badge per verdict group, each failing check's message underneath in the current language. */
export function renderVerdict(list, verification) {
  if (!verification) {
    replaceChildren(list);
    return;
  }
  const checks = Array.isArray(verification.checks) ? verification.checks : [];
  replaceChildren(list, GROUPS.map((group) => {
    const value = verification[group];
    const state = value === true ? 'passed' : value === false ? 'failed' : 'unchecked';
    const failures = checks.filter((c) => c.group === group && c.passed === false);
    return el('li', { class: 'verdict-item', 'data-group': group, 'data-state': state },
      el('span', { class: `badge ${state === 'passed' ? 'badge-ok' : state === 'failed' ? 'badge-bad' : 'badge-neutral'}` },
        el('span', { class: 'badge-icon', 'aria-hidden': 'true' }, state === 'passed' ? '✓' : state === 'failed' ? '✗' : '–'),
        el('span', { class: 'verdict-name' }, t(`read.group.${group}`)),
        ': ',
        el('span', { class: 'verdict-state' }, t(`read.${state}`))),
      failures.length === 0 ? null : el('ul', { class: 'verdict-reasons' },
        failures.map((c) => el('li', { 'data-reason': c.reason ?? '' },
          localized(c.message) || c.reason || c.name,
          c.reason ? el('code', { class: 'reason-code' }, c.reason) : null))));
  }));
}

/** 0…1 for the <progress>: a little for the set-up steps, most for the files, the rest for checks. */
export function progressFraction(p) {
  if (!p) return 0;
  // card.readFromQr scans and decodes first; those steps share the start of the bar with the wait.
  const steps = { scanning: 0, decodingQr: 0.005, waitingForCard: 0, readingCardAccess: 0.01, selecting: 0.02, authenticating: 0.04,
    chipAuthentication: 0.92, activeAuthentication: 0.95, passiveAuthentication: 0.98, done: 1 };
  if (p.state === 'reading' && p.fileCount > 0) {
    const inFile = p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : 0;
    return 0.05 + 0.85 * Math.min(1, (p.filesDone + inFile) / p.fileCount);
  }
  return steps[p.state] ?? 0;
}

/** The progress sentence in the current language. */
export function progressText(p) {
  if (!p) return t('read.state.idle');
  if (p.state === 'reading') {
    return t('read.state.reading', {
      file: p.file ?? '?', file_no: Math.min((p.filesDone ?? 0) + 1, p.fileCount ?? 0),
      count: p.fileCount ?? 0, bytes: p.bytesRead ?? 0, total: p.totalBytes ?? 0,
    });
  }
  const key = `read.state.${p.state}`;
  const known = ['idle', 'starting', 'scanning', 'decodingQr', 'waitingForCard', 'readingCardAccess', 'selecting', 'authenticating',
    'chipAuthentication', 'activeAuthentication', 'passiveAuthentication', 'done', 'failed', 'cancelling'];
  return known.includes(p.state) ? t(key) : p.state;
}
