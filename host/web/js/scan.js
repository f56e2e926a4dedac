// "Quét tài liệu": pick a scanner, options from scan.capabilities, scan.start, then a thumbnail per
// scan.page as it arrives, "Xong: N trang" on scan.completed, the daemon's typed error on
// scan.failed; "Hủy" sends scan.cancel. Pages stay in this module's memory (thumbnails) and in
// the daemon's blob store (full size); "Xoá các trang" and a new scan drop them.

import { byId, el, replaceChildren } from './dom.js';
import { errorText, onLangChange, t } from './i18n.js';
import { announce } from './announcer.js';
import { renderScannerOptions } from './scanners.js';
import { PageViewer, fetchBlob, renderThumbnails, thumbnailItem } from './scan-view.js';

const DEFAULT_RESOLUTION = 300;

/** A scan.failed error object shaped like a failed call, so errorText() reads its message. */
function jobError(error) {
  return { name: 'RpcError', code: error?.code, message: error?.reason ?? '', data: error ?? {} };
}

export function setupScan(client, scanners) {
  const ui = {
    form: byId('scan-form'),
    scanner: byId('scan-scanner'),
    scannerEmpty: byId('scan-scanner-empty'),
    source: byId('scan-source'),
    mode: byId('scan-mode'),
    resolution: byId('scan-resolution'),
    pagesField: byId('scan-pages-field'),
    pages: byId('scan-pages'),
    start: byId('scan-start'),
    cancel: byId('scan-cancel'),
    clear: byId('scan-clear'),
    pdf: byId('scan-pdf'),
    alert: byId('scan-alert'),
    status: byId('scan-status'),
    thumbs: byId('scan-thumbs'),
    noPages: byId('scan-no-pages'),
  };
  const viewer = new PageViewer({
    section: byId('scan-viewer'),
    title: byId('scan-viewer-title'),
    image: byId('scan-viewer-image'),
    caption: byId('scan-viewer-caption'),
    close: byId('scan-viewer-close'),
    // back to the thumbnail that opened the viewer, for keyboard users
    onClosed: (page) => ui.thumbs.querySelector(`.thumb[data-index="${page.index}"]`)?.focus(),
  });

  const capabilities = new Map(); // scanner id → scan.capabilities result
  const view = { state: 'idle', pages: [], error: null, delivered: 0 };
  // The running job: {id|null, early: []}. Events that overtake the reply to scan.start wait in
  // `early` until the job id is known.
  let job = null;

  // ---------- options ----------

  function fillSelect(select, values, label, preferred) {
    const keep = values.map(String).includes(select.value) ? select.value : String(preferred ?? values[0] ?? '');
    replaceChildren(select, values.map((v) => el('option', { value: String(v) }, label(v))));
    select.value = values.map(String).includes(keep) ? keep : String(values[0] ?? '');
    select.disabled = values.length === 0;
  }

  function renderOptions() {
    const caps = capabilities.get(ui.scanner.value);
    fillSelect(ui.source, caps?.sources ?? [], (s) => (['flatbed', 'adf'].includes(s) ? t(`scan.source.${s}`) : s), 'flatbed');
    fillSelect(ui.mode, caps?.modes ?? [], (m) => (['color', 'gray', 'lineart'].includes(m) ? t(`scan.mode.${m}`) : m), 'color');
    const resolutions = [...(caps?.resolutions ?? [])].sort((a, b) => a - b);
    const nearest = resolutions.reduce((best, r) =>
      (best === null || Math.abs(r - DEFAULT_RESOLUTION) < Math.abs(best - DEFAULT_RESOLUTION) ? r : best), null);
    fillSelect(ui.resolution, resolutions, (dpi) => t('scan.resolutionOption', { dpi }), nearest);
    ui.pagesField.hidden = ui.source.value !== 'adf';
  }

  async function loadCapabilities() {
    const scanner = ui.scanner.value;
    if (!scanner || capabilities.has(scanner)) {
      renderOptions();
      renderButtons();
      return;
    }
    if (!job) setState('loading');
    try {
      capabilities.set(scanner, await client.call('scan.capabilities', { scanner }));
      if (!job && view.state === 'loading') setState('idle');
    } catch (err) {
      if (!job) {
        view.error = err;
        setState('idle');
      }
    }
    renderOptions();
    renderButtons();
  }

  function onScanners(list) {
    renderScannerOptions(ui.scanner, list);
    ui.scannerEmpty.hidden = list.length > 0;
    ui.scanner.disabled = list.length === 0;
    loadCapabilities();
  }

  // ---------- rendering ----------

  function setState(state) {
    view.state = state;
    render();
  }

  function renderStatus() {
    const pages = view.pages.length;
    const text = {
      idle: () => t('scan.state.idle'),
      loading: () => t('scan.state.loading'),
      starting: () => t('scan.state.starting'),
      scanning: () => t('scan.state.scanning', { pages }),
      cancelling: () => t('scan.state.cancelling'),
      completed: () => t('scan.state.completed', { pages: view.delivered }),
      failed: () => t('scan.state.failed', { pages: view.delivered }),
    }[view.state] ?? (() => view.state);
    ui.status.textContent = text();
    ui.status.dataset.state = view.state;
  }

  function renderAlert() {
    ui.alert.hidden = !view.error;
    ui.alert.textContent = view.error ? errorText(view.error) : '';
    ui.alert.dataset.reason = view.error?.data?.reason ?? '';
  }

  function renderButtons() {
    const running = job !== null;
    ui.start.disabled = running || !capabilities.has(ui.scanner.value);
    ui.start.setAttribute('aria-busy', String(running));
    ui.cancel.disabled = !running || job.id === null || view.state === 'cancelling';
    ui.clear.hidden = running || view.pages.length === 0;
    ui.pdf.hidden = running || view.pages.length === 0;
    // Options cannot change under a running job.
    ui.scanner.disabled = running || scanners.list().length === 0;
    for (const field of [ui.source, ui.mode, ui.resolution, ui.pages]) {
      field.disabled = running || field.options?.length === 0;
    }
  }

  function render({ thumbnails = false } = {}) {
    renderStatus();
    renderAlert();
    if (thumbnails) renderThumbnails(ui.thumbs, view.pages, (page) => viewer.show(page));
    ui.noPages.hidden = view.pages.length > 0;
    renderButtons();
    viewer.render();
  }

  // ---------- the job ----------

  function onPage(p) {
    // Appended, not re-rendered: a thumbnail that has focus keeps it while pages keep arriving.
    view.pages.push(p);
    ui.thumbs.append(thumbnailItem(p, (page) => viewer.show(page)));
    render();
    announce(t('scan.announce.page', { n: p.index }));
  }

  function finish(state, delivered, error) {
    job = null;
    view.delivered = delivered ?? view.pages.length;
    view.error = error;
    setState(state);
    announce(ui.status.textContent);
  }

  function handle(method, p) {
    if (!job) return;
    if (job.id === null) {
      job.early.push([method, p]);
      return;
    }
    if (p.jobId !== job.id) return;
    if (method === 'scan.page') onPage(p);
    else if (method === 'scan.completed') finish('completed', p.pages, null);
    else if (method === 'scan.failed') finish('failed', p.pages, jobError(p.error));
  }

  async function start() {
    if (job || !ui.scanner.value) return;
    const params = {
      scanner: ui.scanner.value,
      mode: ui.mode.value,
      resolution: Number(ui.resolution.value),
      source: ui.source.value,
      purpose: 'document',
    };
    if (params.source === 'adf') params.pages = Math.max(0, Math.floor(Number(ui.pages.value) || 0));
    viewer.close();
    job = { id: null, early: [] };
    Object.assign(view, { pages: [], error: null, delivered: 0, state: 'starting' });
    render({ thumbnails: true });
    try {
      const { jobId } = await client.call('scan.start', params);
      if (!job) return;
      job.id = jobId;
      setState('scanning');
      for (const [method, p] of job.early.splice(0)) handle(method, p);
    } catch (err) {
      finish('failed', 0, err);
    }
  }

  async function cancel() {
    if (!job?.id) return;
    setState('cancelling');
    try {
      await client.call('scan.cancel', { jobId: job.id });
      // scan.failed with CANCELLED ends the job
    } catch (err) {
      view.error = err;
      renderAlert();
    }
  }

  // The pages as one PDF (scan.pdf), saved through a download link of an object URL.
  async function savePdf() {
    ui.pdf.disabled = true;
    try {
      const pages = view.pages.map((p) => ({ blob: p.blob, resolution: p.resolution }));
      const pdf = await client.call('scan.pdf', { pages });
      const url = URL.createObjectURL(await fetchBlob(pdf.blob));
      const link = document.createElement('a');
      link.href = url;
      link.download = 'tai-lieu-quet.pdf';
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      ui.status.textContent = t('scan.pdf.saved', { pages: pdf.pages });
    } catch (err) {
      view.error = err;
      renderAlert();
    } finally {
      ui.pdf.disabled = false;
    }
  }

  function clear() {
    if (job) return;
    viewer.close();
    Object.assign(view, { pages: [], error: null, delivered: 0, state: 'idle' });
    render({ thumbnails: true });
    ui.start.focus();
  }

  // ---------- wiring ----------

  ui.form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    start();
  });
  ui.scanner.addEventListener('change', loadCapabilities);
  ui.source.addEventListener('change', () => { ui.pagesField.hidden = ui.source.value !== 'adf'; });
  ui.cancel.addEventListener('click', cancel);
  ui.clear.addEventListener('click', clear);
  ui.pdf.addEventListener('click', savePdf);

  for (const method of ['scan.page', 'scan.completed', 'scan.failed']) {
    client.onNotification(method, (m, p) => handle(m, p));
  }
  client.subscribe(['scan.*']).catch(() => { /* re-sent on connect */ });
  client.addEventListener('state', (ev) => {
    // A dropped connection ends the session, and the daemon cancels its jobs with it.
    if (ev.detail.state === 'closed' && job) finish('failed', view.pages.length, { name: 'ConnectionError' });
  });
  scanners.onChange(onScanners);
  onLangChange(() => {
    renderOptions();
    render({ thumbnails: true });
  });
  render({ thumbnails: true });
}
