// "Xem trước" on "Thủ tục": forms.render {case, format: "png", page} for every page of what the
// procedure prints, shown from the daemon's blobs through object URLs, and "Tải PDF" from the same
// call with format "pdf". Nothing is kept beyond this tab's memory; a new render revokes the old
// object URLs.

import { el, replaceChildren } from './dom.js';
import { t } from './i18n.js';
import { fetchBlob } from './scan-view.js';

const PREVIEW_DPI = 96;
const RENDER_TIMEOUT_MS = 60 * 1000;

export class CasePreview {
  /** `currentCase()` → the case or null; `beforeRender()` saves pending edits first. */
  constructor(client, { pages, status, pdf, refresh, showError, currentCase, beforeRender }) {
    this.client = client;
    this.ui = { pages, status, pdf, refresh };
    this.showError = showError;
    this.currentCase = currentCase;
    this.beforeRender = beforeRender;
    this.urls = [];
    this.shown = []; // [{n, url}]
    this.state = { key: null, vars: {} };
    this.generation = 0;
    this.renderedRevision = null; // the case revision the pages show
    refresh.addEventListener('click', () => this.render());
  }

  /** Renders unless the pages already show this revision of the case. */
  async ensure() {
    const kase = this.currentCase();
    if (!kase) return;
    if (this.renderedRevision !== null && this.renderedRevision === `${kase.id}@${kase.revision}`) return;
    await this.render();
  }

  async render() {
    await this.beforeRender();
    const kase = this.currentCase();
    if (!kase) return;
    const generation = ++this.generation;
    this.drop();
    this.setState('proc.preview.loading', {});
    this.ui.refresh.disabled = true;
    const timeout = { timeoutMs: RENDER_TIMEOUT_MS };
    try {
      const first = await this.client.call('forms.render', { case: kase.id, format: 'png', page: 0, dpi: PREVIEW_DPI }, timeout);
      const count = Math.max(1, Number(first.pages) || 1);
      const blobs = [first.blob];
      for (let page = 1; page < count; page++) {
        blobs.push((await this.client.call('forms.render', { case: kase.id, format: 'png', page, dpi: PREVIEW_DPI }, timeout)).blob);
      }
      const pdf = await this.client.call('forms.render', { case: kase.id, format: 'pdf' }, timeout);
      const images = await Promise.all(blobs.map((b) => fetchBlob(b.id)));
      const pdfFile = await fetchBlob(pdf.blob.id);
      if (generation !== this.generation) return;
      this.shown = images.map((image, i) => ({ n: i + 1, url: this.keep(URL.createObjectURL(image)) }));
      this.ui.pdf.href = this.keep(URL.createObjectURL(pdfFile));
      this.ui.pdf.download = `${kase.id}.pdf`;
      this.ui.pdf.hidden = false;
      this.renderedRevision = `${kase.id}@${kase.revision}`;
      this.setState('proc.preview.ready', { pages: count });
    } catch (err) {
      if (generation !== this.generation) return;
      this.setState(null, {});
      this.showError(err);
    } finally {
      if (generation === this.generation) this.ui.refresh.disabled = false;
    }
    this.renderPages();
  }

  keep(url) {
    this.urls.push(url);
    return url;
  }

  /** Drops the pages and their object URLs (a new case, a new render). */
  drop() {
    for (const url of this.urls) URL.revokeObjectURL(url);
    this.urls = [];
    this.shown = [];
    this.renderedRevision = null;
    this.ui.pdf.hidden = true;
    this.ui.pdf.removeAttribute('href');
    this.renderPages();
  }

  clear() {
    this.generation++;
    this.drop();
    this.setState(null, {});
    this.ui.refresh.disabled = false;
  }

  setState(key, vars) {
    this.state = { key, vars };
    this.renderStatus();
  }

  renderStatus() {
    this.ui.status.textContent = this.state.key ? t(this.state.key, this.state.vars) : '';
    this.ui.status.dataset.state = this.state.key === 'proc.preview.ready' ? 'completed' : this.state.key ? 'running' : 'idle';
  }

  renderPages() {
    replaceChildren(this.ui.pages, this.shown.map(({ n, url }) => el('li', { class: 'preview-page', 'data-page': n },
      el('figure', {},
        el('img', { src: url, alt: t('proc.preview.pageAlt', { n }) }),
        el('figcaption', { class: 'hint' }, t('proc.preview.pageLabel', { n }))))));
  }

  /** A language change: every text again. */
  relabel() {
    this.renderStatus();
    this.renderPages();
  }
}
