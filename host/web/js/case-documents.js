// The documents checklist of a case on "Thủ tục" (case.documents: required or not, "có trong
// CSDL" when the office can look it up instead of asking for paper, pages attached), with a "Quét"
// button per document: scan.start on the shared scanner list, the scan.page blobs collected until
// scan.completed, then cases.update {attachments} attaches them to that document.

import { el, replaceChildren } from './dom.js';
import { t } from './i18n.js';
import { announce } from './announcer.js';
import { labelOf } from './procedure-format.js';

const SCAN_TIMEOUT_MS = 120 * 1000;

/** A scan.failed error object shaped like a failed call, so errorText() reads its message. */
const jobError = (error) => ({ name: 'RpcError', code: error?.code, message: error?.reason ?? '', data: error ?? {} });

export class CaseDocuments {
  /**
   * `list`: the <ul>; `status`: a live <p>; `showError(err)`; `currentCase()` → the case or null;
   * `onCase(case)` after an attachment was saved.
   */
  constructor(client, scanners, { list, status, empty, showError, currentCase, onCase }) {
    this.client = client;
    this.scanners = scanners;
    this.ui = { list, status, empty };
    this.showError = showError;
    this.currentCase = currentCase;
    this.onCase = onCase;
    this.scan = null; // {document, title, jobId|null, pages: [], early: [], done(resolve), fail(reject)}
    this.statusKey = null;
    for (const method of ['scan.page', 'scan.completed', 'scan.failed']) {
      client.onNotification(method, (m, p) => this.onScanEvent(m, p));
    }
    scanners.onChange(() => this.render());
  }

  render() {
    const kase = this.currentCase();
    const documents = Array.isArray(kase?.documents) ? kase.documents : [];
    const canScan = kase?.status === 'draft' && this.scanners.list().length > 0 && this.scan === null;
    replaceChildren(this.ui.list, documents.map((d) => this.item(d, canScan)));
    this.ui.empty.hidden = !kase || documents.length > 0;
    this.renderStatus();
  }

  item(doc, canScan) {
    const pages = (doc.attached ?? []).reduce((sum, a) => sum + (Number(a.pages) || 1), 0);
    const title = labelOf(doc);
    return el('li', { class: 'document', 'data-document': doc.id, 'data-required': String(doc.required === true) },
      el('div', { class: 'document-head' },
        el('span', { class: 'document-title' }, title),
        el('span', { class: `badge ${doc.required ? 'badge-warn' : 'badge-neutral'}`, 'data-badge': 'required' },
          t(doc.required ? 'proc.docs.required' : 'proc.docs.optional')),
        doc.availableInDb ? el('span', { class: 'badge badge-ok', 'data-badge': 'inDb' }, t('proc.docs.inDb')) : null),
      doc.note ? el('p', { class: 'hint' }, labelOf({ label: doc.note })) : null,
      el('div', { class: 'document-foot' },
        el('span', { class: pages ? 'document-attached' : 'muted', 'data-pages': pages },
          pages ? t('proc.docs.attached', { pages }) : t('proc.docs.notAttached')),
        this.scanners.list().length === 0 ? null : el('button', {
          type: 'button', class: 'btn btn-secondary btn-small', 'data-action': 'scan',
          disabled: !canScan,
          'aria-label': t('proc.docs.scanLabel', { title }),
          onclick: () => this.scanFor(doc),
        }, t('proc.docs.scan'))));
  }

  renderStatus() {
    const s = this.statusKey;
    if (!s && this.scanners.list().length === 0 && this.currentCase()?.documents?.length) {
      this.ui.status.textContent = t('proc.docs.noScanner');
      this.ui.status.dataset.state = 'idle';
      return;
    }
    this.ui.status.textContent = s ? t(s.key, s.vars) : '';
    this.ui.status.dataset.state = s?.state ?? 'idle';
  }

  setStatus(key, vars, state) {
    this.statusKey = key ? { key, vars, state } : null;
    this.renderStatus();
  }

  // ---------- scanning a document ----------

  async scanFor(doc) {
    const kase = this.currentCase();
    const scanner = this.scanners.list()[0]?.id;
    if (!kase || !scanner || this.scan) return;
    const title = labelOf(doc);
    this.showError(null);
    let blobs;
    try {
      blobs = await new Promise((resolve, reject) => {
        this.scan = { document: doc.id, title, jobId: null, pages: [], early: [], resolve, reject };
        this.render();
        this.setStatus('proc.docs.scanning', { title, pages: 0 }, 'running');
        const timer = setTimeout(() => reject(jobError({ reason: 'TIMEOUT' })), SCAN_TIMEOUT_MS);
        this.scan.stopTimer = () => clearTimeout(timer);
        this.client.call('scan.start', { scanner, source: 'flatbed', purpose: 'document' })
          .then(({ jobId }) => {
            if (!this.scan) return;
            this.scan.jobId = jobId;
            for (const [m, p] of this.scan.early.splice(0)) this.onScanEvent(m, p);
          })
          .catch(reject);
      });
      const attachments = blobs.map((blob) => ({ document: doc.id, blob, pages: 1 })); // a scan blob is one page
      const { case: updated } = await this.client.call('cases.update', { case: kase.id, form: {}, attachments });
      this.onCase(updated);
      this.setStatus('proc.docs.scanned', { title, pages: blobs.length }, 'completed');
      announce(t('proc.docs.scanned', { title, pages: blobs.length }));
    } catch (err) {
      this.setStatus(null);
      this.showError(err);
    } finally {
      this.scan?.stopTimer?.();
      this.scan = null;
      this.render();
    }
  }

  onScanEvent(method, p) {
    const scan = this.scan;
    if (!scan) return;
    if (scan.jobId === null) {
      scan.early.push([method, p]);
      return;
    }
    if (p.jobId !== scan.jobId) return;
    if (method === 'scan.page') {
      scan.pages.push(p.blob);
      this.setStatus('proc.docs.scanning', { title: scan.title, pages: scan.pages.length }, 'running');
    } else if (method === 'scan.completed') {
      if (scan.pages.length === 0) scan.reject(jobError({ reason: 'NO_PAGES' }));
      else scan.resolve(scan.pages);
    } else if (method === 'scan.failed') {
      scan.reject(jobError(p.error));
    }
  }
}
