// Step 1 of "Thủ tục": whose card the case is prefilled from. The reads themselves are
// card-read.js's (its controller runs "Đọc bằng mã QR" from here; a read with a key on "Đọc CCCD"
// lands here too); this step keeps the last successful read's readId, the citizen's name, ID number
// and date of birth for the staff to confirm, or the choice to type the case in without a card.
// "Xoá kết quả" on "Đọc CCCD" drops it here as well.

import { el, replaceChildren } from './dom.js';
import { t } from './i18n.js';
import { progressText } from './card-view.js';

export class ProcedureCard {
  /**
   * `reader`: card-read.js's controller; `showError(err)` shows a failed read; `onChoose(choice)`
   * after "Dùng thẻ này" ('card') or "Không đọc thẻ" ('manual'); `isShown()` → this step is open.
   */
  constructor(reader, scanners, ui, { showError, onChoose, isShown }) {
    this.reader = reader;
    this.scanners = scanners;
    this.ui = ui;
    this.showError = showError;
    this.read = null; // {readId, person, verified} of the last successful read
    this.error = null;
    this.progress = null;
    this.choice = null; // 'card' | 'manual'

    ui.qr.addEventListener('click', () => this.readFromQr());
    ui.key.addEventListener('click', () => { location.hash = '#read'; });
    ui.manual.addEventListener('click', () => this.choose('manual'));
    ui.use.addEventListener('click', () => this.choose('card'));
    this.onChoose = onChoose;
    reader.onResult(({ result, error }) => {
      this.progress = null;
      if (result?.readId) {
        this.read = { readId: result.readId, person: result.person ?? null, verified: result.verification?.genuine === true };
        this.error = null;
        this.choice = null;
      } else if (error) {
        this.error = error;
        if (isShown()) showError(error);
      }
      this.render();
    });
    reader.onProgress((p) => {
      this.progress = p;
      this.render();
    });
    reader.onBusyChange(() => this.render());
    reader.onClear(() => this.forget());
    scanners.onChange(() => this.render());
  }

  /** The readId cases.create prefills from, or null for a case typed in. */
  get cardRead() {
    return this.choice !== 'manual' && this.read ? this.read.readId : null;
  }

  readFromQr() {
    const scanner = this.scanners.list()[0]?.id;
    this.showError(null);
    this.error = null;
    if (scanner) this.reader.run('card.readFromQr', { scanner });
  }

  choose(choice) {
    this.choice = choice;
    this.render();
    this.onChoose(choice);
  }

  /** Drops the citizen's data (a new case, "Xoá kết quả"). */
  forget() {
    Object.assign(this, { read: null, error: null, progress: null, choice: null });
    this.render();
  }

  statusText(busy) {
    if (busy) return progressText(this.progress ?? { state: 'starting' });
    if (this.error) return t('proc.card.failed');
    if (!this.read) return t(this.scanners.list().length === 0 ? 'proc.card.noScanner' : 'proc.card.none');
    if (this.choice === 'card') return t('proc.card.chosen');
    if (this.choice === 'manual') return t('proc.card.manualChosen');
    return t('proc.card.read');
  }

  render() {
    const { ui } = this;
    const busy = this.reader.isReading();
    const read = this.read;
    ui.qr.disabled = busy || this.scanners.list().length === 0;
    ui.qr.setAttribute('aria-busy', String(busy));
    ui.status.textContent = this.statusText(busy);
    ui.status.dataset.state = busy ? 'running' : this.error ? 'failed' : read ? 'completed' : 'idle';
    ui.person.hidden = !read;
    ui.use.hidden = !read || busy;
    ui.verdict.hidden = !read;
    if (!read) {
      replaceChildren(ui.person);
      return;
    }
    const p = read.person ?? {};
    replaceChildren(ui.person, [
      ['fullName', t('read.field.fullName'), p.fullName],
      ['idNumber', t('read.field.idNumber'), p.idNumber],
      ['dateOfBirth', t('read.field.dateOfBirth'), p.dateOfBirth],
    ].flatMap(([key, label, value]) => [el('dt', { 'data-field': key }, label), el('dd', { 'data-field': key }, value ?? '—')]));
    ui.verdict.className = `badge ${read.verified ? 'badge-ok' : 'badge-warn'}`;
    ui.verdict.dataset.verified = String(read.verified);
    ui.verdict.textContent = t(read.verified ? 'proc.card.verified' : 'proc.card.unverified');
  }
}
