// "Lưu hồ sơ" on "Thủ tục": cases.submit {outcome: "accepted"} and the intake receipt it issues
// (kind, number, file code, due date, and the receipt's PDF from its blob). A submit refused with
// VALIDATION_FAILED carries the problems (data.details.problems): they go back onto the form's
// fields through `onRefused(problems)`.

import { el, replaceChildren } from './dom.js';
import { t } from './i18n.js';
import { announce } from './announcer.js';
import { fetchBlob } from './scan-view.js';

const SUBMIT_TIMEOUT_MS = 60 * 1000;

/** yyyy-mm-dd → dd/mm/yyyy as Vietnamese forms write dates; anything else as it is. */
export function displayDate(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value ?? '';
}

export class CaseReceipt {
  constructor(client, { submit, status, section, facts, pdf, showError, currentCase, beforeSubmit, onCase, onRefused }) {
    this.client = client;
    this.ui = { submit, status, section, facts, pdf };
    this.showError = showError;
    this.currentCase = currentCase;
    this.beforeSubmit = beforeSubmit;
    this.onCase = onCase;
    this.onRefused = onRefused;
    this.receipt = null;
    this.pdfUrl = null;
    this.busy = false;
    this.statusKey = null;
    submit.addEventListener('click', () => this.submit());
  }

  async submit() {
    const kase = this.currentCase();
    if (this.busy || !kase || kase.status !== 'draft') return;
    await this.beforeSubmit();
    this.busy = true;
    this.showError(null);
    this.setStatus('proc.save.saving');
    try {
      const reply = await this.client.call('cases.submit', { case: kase.id, outcome: 'accepted' }, { timeoutMs: SUBMIT_TIMEOUT_MS });
      this.receipt = reply.receipt ?? reply.case?.receipt ?? null;
      this.onCase(reply.case);
      this.setStatus(null);
      await this.loadPdf();
      announce(t('proc.receipt.title'));
    } catch (err) {
      const problems = err?.data?.reason === 'VALIDATION_FAILED' ? err.data.details?.problems : null;
      if (Array.isArray(problems)) {
        this.setStatus('proc.save.refused');
        this.onRefused(problems);
      } else {
        this.setStatus(null);
      }
      this.showError(err);
    } finally {
      this.busy = false;
      this.render();
    }
  }

  async loadPdf() {
    const blob = this.receipt?.blob;
    if (!blob?.id) return;
    try {
      const file = await fetchBlob(blob.id);
      this.dropPdf();
      this.pdfUrl = URL.createObjectURL(file);
    } catch (err) {
      this.showError(err);
    }
  }

  dropPdf() {
    if (this.pdfUrl) URL.revokeObjectURL(this.pdfUrl);
    this.pdfUrl = null;
  }

  setStatus(key) {
    this.statusKey = key;
    this.render();
  }

  render() {
    const kase = this.currentCase();
    this.ui.submit.disabled = this.busy || kase?.status !== 'draft';
    this.ui.submit.setAttribute('aria-busy', String(this.busy));
    this.ui.status.textContent = this.statusKey ? t(this.statusKey) : '';
    this.ui.status.dataset.state = this.statusKey === 'proc.save.refused' ? 'failed' : this.statusKey ? 'running' : 'idle';
    const r = this.receipt;
    this.ui.section.hidden = !r;
    if (!r) return;
    const kind = ['CT04', 'CT05', 'CT06'].includes(r.kind) ? t(`proc.receipt.kind.${r.kind}`) : r.kind;
    replaceChildren(this.ui.facts, [
      ['kind', t('proc.receipt.kind'), kind],
      ['number', t('proc.receipt.number'), r.number],
      ['fileCode', t('proc.receipt.fileCode'), r.fileCode],
      ['dueDate', t('proc.receipt.dueDate'), displayDate(r.dueDate)],
    ].flatMap(([key, label, value]) => [
      el('dt', { 'data-field': key }, label),
      el('dd', { 'data-field': key }, value === null || value === undefined || value === '' ? '—' : String(value)),
    ]));
    this.ui.pdf.hidden = !this.pdfUrl;
    if (this.pdfUrl) {
      this.ui.pdf.href = this.pdfUrl;
      this.ui.pdf.download = `${r.kind ?? 'receipt'}-${kase?.id ?? 'case'}.pdf`;
      this.ui.pdf.textContent = t('proc.receipt.pdf', { kind: r.kind ?? '' });
    }
  }

  clear() {
    this.receipt = null;
    this.dropPdf();
    this.statusKey = null;
    this.render();
  }
}
