// Pure helpers of the procedure wizard: how a procedure's time limit and fee read, which field a
// problem belongs to, and the buffer of unsaved edits. No DOM here, so tests/node checks them
// directly.

import { currentLang, localized, t } from './i18n.js';

/** {workingDays, maxWorkingDays?} | {immediate: true} → "3 ngày làm việc" / "Giải quyết ngay". */
export function formatTimeLimit(limit) {
  if (limit?.immediate) return t('proc.time.immediate');
  const n = limit?.workingDays;
  if (!Number.isFinite(n)) return t('proc.time.unknown');
  if (Number.isFinite(limit.maxWorkingDays) && limit.maxWorkingDays > n) {
    return t('proc.time.range', { n, max: limit.maxWorkingDays });
  }
  return t('proc.time.days', { n });
}

/** 15000 → "15.000 đồng" (vi) / "15,000 VND" (en), as the forms print money. */
export function formatMoney(amount, currency = 'VND') {
  const vi = currentLang() === 'vi';
  const digits = new Intl.NumberFormat(vi ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 0 }).format(amount);
  if (currency !== 'VND') return `${digits} ${currency}`;
  return vi ? `${digits} đồng` : `${digits} VND`;
}

/** The fee line of a procedure: both channels, or "Miễn phí" when nothing is charged. */
export function formatFee(fee) {
  const inPerson = Number(fee?.inPerson ?? 0);
  const online = Number(fee?.online ?? 0);
  if (!(inPerson > 0) && !(online > 0)) return t('proc.fee.free');
  const currency = fee?.currency ?? 'VND';
  const parts = [t('proc.fee.inPerson', { amount: formatMoney(inPerson, currency) }),
    t('proc.fee.online', { amount: formatMoney(online, currency) })];
  const note = localized(fee?.note);
  return note ? `${parts.join(' · ')} (${note})` : parts.join(' · ');
}

/** "members[1].full_name" / "members.1.full_name" → "members": the form field a problem is about. */
export function baseField(path) {
  return String(path ?? '').split(/[.[]/)[0];
}

/** "members[1].full_name" / "members.1.full_name" → {field: "members", row: 1, column: "full_name"}; else null. */
export function tableCell(path) {
  const m = /^([^.[]+)(?:\[(\d+)\]|\.(\d+))\.(.+)$/.exec(String(path ?? ''));
  return m ? { field: m[1], row: Number(m[2] ?? m[3]), column: m[4] } : null;
}

/**
 * Sorts a case's problems by the field they belong to: {byField: Map(id → [problems]), others: []}.
 * Problems about no known field (the whole form, a field the schema lacks) go to `others`, so that
 * nothing the daemon reported is dropped from the screen.
 */
export function problemsByField(problems, fieldIds) {
  const known = new Set(fieldIds);
  const byField = new Map();
  const others = [];
  for (const p of Array.isArray(problems) ? problems : []) {
    const id = baseField(p?.field);
    if (!known.has(id)) {
      others.push(p);
      continue;
    }
    if (!byField.has(id)) byField.set(id, []);
    byField.get(id).push(p);
  }
  // Errors before warnings under each field: the one that blocks saving is read first.
  const rank = (p) => (p.severity === 'warning' ? 1 : 0);
  for (const list of byField.values()) list.sort((a, b) => rank(a) - rank(b));
  return { byField, others };
}

/** How many errors and warnings: the warnings do not block saving the case. */
export function countProblems(problems) {
  const list = Array.isArray(problems) ? problems : [];
  const warnings = list.filter((p) => p?.severity === 'warning').length;
  return { errors: list.length - warnings, warnings };
}

/** A problem's sentence in the current language (its code when it has none). */
export function problemText(problem) {
  return localized({ vi: problem?.vi, en: problem?.en }) || problem?.code || '';
}

/** A field's, option's or document's {vi, en} label; options may carry vi/en directly. */
export function labelOf(thing) {
  if (!thing) return '';
  if (thing.label && typeof thing.label === 'object') return localized(thing.label);
  if (thing.title && typeof thing.title === 'object') return localized(thing.title);
  if (typeof thing.label === 'string') return thing.label;
  return localized({ vi: thing.vi, en: thing.en }) || String(thing.value ?? thing.id ?? '');
}

/**
 * The edits not yet sent to cases.update. `set` records the newest value of a field; `take` hands
 * over everything pending and empties the buffer; `restore` puts a patch that failed to save back
 * under any edits made since (those are newer and win).
 */
export class PendingEdits {
  constructor() {
    this.patch = {};
  }

  set(field, value) {
    this.patch[field] = value;
  }

  get empty() {
    return Object.keys(this.patch).length === 0;
  }

  take() {
    const patch = this.patch;
    this.patch = {};
    return patch;
  }

  restore(patch) {
    this.patch = { ...patch, ...this.patch };
  }
}

/** The steps of the wizard in order; the later ones need a case. */
export const STEPS = ['card', 'choose', 'form', 'documents', 'preview', 'print', 'save'];

/** Whether step `name` can be opened: card and choice always; the rest once a case exists. */
export function stepAvailable(name, { hasCase }) {
  if (!STEPS.includes(name)) return false;
  return STEPS.indexOf(name) <= STEPS.indexOf('choose') || hasCase;
}
