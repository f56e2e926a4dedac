// Views of the "Quét tài liệu" tab: the page thumbnails as they arrive and the full-size page.
// Thumbnails come inline with scan.page (base64, shown as data: URLs); the full page is the blob
// GET /v1/blobs/<id>, fetched from the console's own origin and shown through an object URL so
// that nothing of it is written anywhere but this tab's memory.

import { el, replaceChildren } from './dom.js';
import { t } from './i18n.js';

const kilobytes = (bytes) => (bytes > 0 ? Math.max(1, Math.round(bytes / 1024)) : '?');

/** A blob that could not be fetched; `reason` is the daemon's code (BLOB_NOT_FOUND, …) or HTTP_<status>. */
export class BlobFetchError extends Error {
  constructor(reason) {
    super(reason);
    this.name = 'BlobFetchError';
    this.reason = reason;
  }
}

/** Fetches a blob of the daemon (same origin; the daemon applies its Origin rules). */
export async function fetchBlob(id) {
  const response = await fetch(`/v1/blobs/${encodeURIComponent(id)}`, { cache: 'no-store', credentials: 'same-origin' });
  if (!response.ok) {
    let reason = `HTTP_${response.status}`;
    try {
      reason = (await response.json())?.error || reason;
    } catch {
      // not JSON: keep the status
    }
    throw new BlobFetchError(reason);
  }
  return response.blob();
}

/** The <li> of one page: its thumbnail in a button; `open(page)` on activation (click, Enter, Space). */
export function thumbnailItem(page, open) {
  const thumb = page.thumbnail;
  return el('li', { class: 'thumb-item' },
    el('button', {
      type: 'button',
      class: 'thumb',
      'data-index': page.index,
      'aria-label': t('scan.openPage', { n: page.index }),
      onclick: () => open(page),
    },
    thumb?.data
      ? el('img', {
        src: `data:${thumb.mime || 'image/jpeg'};base64,${thumb.data}`,
        alt: t('scan.thumbAlt', { n: page.index }),
        width: thumb.width ?? null,
        height: thumb.height ?? null,
      })
      : null,
    el('span', { class: 'thumb-label' }, t('scan.pageLabel', { n: page.index }))));
}

/** All thumbnails again (a language change, a cleared list). */
export function renderThumbnails(list, pages, open) {
  replaceChildren(list, pages.map((page) => thumbnailItem(page, open)));
}

/**
 * The full-size page viewer. `show(page)` fetches the blob and swaps the object URL, revoking the
 * previous one; `close()` (also the close button and Escape) drops it and calls `onClosed(page)`.
 * Every text is re-rendered by `render()` on a language change.
 */
export class PageViewer {
  constructor({ section, title, image, caption, close, onClosed }) {
    this.ui = { section, title, image, caption, close };
    this.page = null;
    this.objectUrl = null;
    this.fetchedBytes = null; // the page's size as fetched (scan.page's `bytes` may lag behind)
    this.state = 'closed'; // closed | loading | shown | failed
    this.failure = null;
    this.generation = 0; // a later show() wins over an earlier fetch still in flight
    this.onClosed = onClosed ?? (() => {});
    close.addEventListener('click', () => this.close());
    section.addEventListener('keydown', (ev) => {
      if (ev.key !== 'Escape') return;
      ev.preventDefault();
      this.close();
    });
  }

  async show(page) {
    const generation = ++this.generation;
    this.page = page;
    this.state = 'loading';
    this.failure = null;
    this.fetchedBytes = null;
    this.dropImage();
    this.render();
    this.ui.title.focus();
    try {
      const blob = await fetchBlob(page.blob);
      if (generation !== this.generation) return;
      this.fetchedBytes = blob.size;
      this.objectUrl = URL.createObjectURL(blob);
      this.ui.image.src = this.objectUrl;
      this.state = 'shown';
    } catch (err) {
      if (generation !== this.generation) return;
      this.state = 'failed';
      this.failure = err instanceof BlobFetchError ? err.reason : 'NETWORK';
    }
    this.render();
  }

  close() {
    const was = this.page;
    this.generation++;
    this.page = null;
    this.state = 'closed';
    this.dropImage();
    this.render();
    if (was) this.onClosed(was);
  }

  dropImage() {
    this.ui.image.removeAttribute('src');
    if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
    this.objectUrl = null;
  }

  render() {
    const { section, title, image, caption } = this.ui;
    const page = this.page;
    section.hidden = this.state === 'closed';
    section.dataset.state = this.state;
    if (!page) return;
    title.textContent = t('scan.viewer.title', { n: page.index });
    image.hidden = this.state !== 'shown';
    image.alt = t('scan.viewer.alt', { n: page.index });
    if (this.state === 'loading') caption.textContent = t('scan.viewer.loading');
    else if (this.state === 'failed') {
      caption.textContent = this.failure === 'BLOB_NOT_FOUND'
        ? t('scan.viewer.BLOB_NOT_FOUND') : t('scan.viewer.failed', { reason: this.failure });
    } else {
      caption.textContent = t('scan.viewer.caption', {
        width: page.width ?? '?', height: page.height ?? '?', resolution: page.resolution ?? '?',
        mime: page.mime ?? '?', kb: kilobytes(this.fetchedBytes || page.bytes),
      });
    }
    caption.dataset.reason = this.state === 'failed' ? this.failure : '';
  }
}
