// "In" on "Thủ tục": the printers (devices.list {kind: "printer"}, kept live by device.* events),
// copies and duplex, print.submit {printer, case, copies, duplex}, then the job's state from
// print.progress / print.completed / print.failed — with print.status as a fallback should an event
// be missed. A printer fault (PRINTER_STOPPED, …) is shown in the daemon's own words with the note
// that the case is kept: printing never touches the saved case.

import { el, replaceChildren } from './dom.js';
import { t } from './i18n.js';
import { announce } from './announcer.js';

const TERMINAL = ['completed', 'failed', 'cancelled'];
const STATUS_POLL_MS = 2000;
const SUBMIT_TIMEOUT_MS = 60 * 1000;

/** A print.failed error object shaped like a failed call, so errorText() reads its message. */
const jobError = (error) => ({ name: 'RpcError', code: error?.code, message: error?.reason ?? '', data: error ?? {} });

export class CasePrint {
  /**
   * `showFault(err)` shows a print error with the case-kept note; `currentCase()` → the case;
   * `beforePrint()` saves pending edits first.
   */
  constructor(client, { printer, empty, copies, duplex, submit, status, showFault, currentCase, beforePrint }) {
    this.client = client;
    this.ui = { printer, empty, copies, duplex, submit, status };
    this.showFault = showFault;
    this.currentCase = currentCase;
    this.beforePrint = beforePrint;
    this.printers = new Map();
    this.job = null; // {id|null, state, early: []}
    this.state = 'idle';
    this.pollTimer = null;

    submit.addEventListener('click', () => this.print());
    for (const method of ['print.progress', 'print.completed', 'print.failed']) {
      client.onNotification(method, (m, p) => this.onEvent(m, p));
    }
    client.onNotification('device.added', (_, p) => {
      if (p.device?.kind !== 'printer') return;
      this.printers.set(p.device.id, p.device);
      this.renderPrinters();
    });
    client.onNotification('device.removed', (_, p) => {
      if (this.printers.delete(p.device?.id)) this.renderPrinters();
    });
    client.whenOpen(() => {
      this.loadPrinters();
      // Print events go to the submitting session; subscribing as well is harmless and covers a
      // daemon that only sends subscribed topics. Not through client.subscribe(): an unknown topic
      // there would fail the reconnect handshake.
      client.call('events.subscribe', { topics: ['print.*'] }).catch(() => { /* sent to the caller anyway */ });
    });
  }

  async loadPrinters() {
    try {
      const { devices } = await this.client.call('devices.list', { kind: 'printer' });
      this.printers.clear();
      for (const d of devices) if (d.kind === 'printer') this.printers.set(d.id, d);
    } catch {
      // the devices tab shows the error; the picker keeps what it had
    }
    this.renderPrinters();
  }

  renderPrinters() {
    const list = [...this.printers.values()].sort((a, b) => a.id.localeCompare(b.id));
    const keep = list.some((d) => d.id === this.ui.printer.value) ? this.ui.printer.value : list[0]?.id ?? '';
    replaceChildren(this.ui.printer, list.map((d) => el('option', { value: d.id }, d.name || d.id)));
    this.ui.printer.value = keep;
    this.ui.empty.hidden = list.length > 0;
    this.renderButtons();
  }

  renderButtons() {
    const busy = this.job !== null;
    this.ui.submit.disabled = busy || !this.ui.printer.value || !this.currentCase();
    this.ui.submit.setAttribute('aria-busy', String(busy));
  }

  renderStatus() {
    const known = ['idle', 'sending', 'pending', 'printing', ...TERMINAL];
    this.ui.status.textContent = known.includes(this.state) ? t(`proc.print.state.${this.state}`) : this.state;
    this.ui.status.dataset.state = this.state;
  }

  setState(state) {
    this.state = state;
    this.renderStatus();
    this.renderButtons();
  }

  async print() {
    const kase = this.currentCase();
    if (this.job || !kase || !this.ui.printer.value) return;
    await this.beforePrint();
    const copies = Math.min(99, Math.max(1, Math.floor(Number(this.ui.copies.value) || 1)));
    this.ui.copies.value = String(copies);
    this.showFault(null);
    this.job = { id: null, early: [] };
    this.setState('sending');
    try {
      const reply = await this.client.call('print.submit', {
        printer: this.ui.printer.value, case: kase.id, copies, duplex: this.ui.duplex.checked,
      }, { timeoutMs: SUBMIT_TIMEOUT_MS });
      if (!this.job) return;
      this.job.id = reply.job;
      this.advance(reply.state ?? 'pending', null);
      for (const [m, p] of this.job?.early.splice(0) ?? []) this.onEvent(m, p);
      this.poll();
    } catch (err) {
      this.finish('failed', err);
    }
  }

  onEvent(method, p) {
    if (!this.job) return;
    if (this.job.id === null) {
      this.job.early.push([method, p]);
      return;
    }
    if (p.job !== this.job.id) return;
    if (method === 'print.progress') this.advance(p.state, null);
    else if (method === 'print.completed') this.advance('completed', null);
    else if (method === 'print.failed') this.advance('failed', jobError(p.error));
  }

  advance(state, error) {
    if (!this.job) return;
    if (TERMINAL.includes(state)) this.finish(state, error ?? (state === 'failed' ? jobError({ reason: 'PRINT_FAILED' }) : null));
    else this.setState(state);
  }

  /** print.status now and then while the job runs: a missed event does not leave it hanging. */
  poll() {
    clearTimeout(this.pollTimer);
    if (!this.job?.id) return;
    const id = this.job.id;
    this.pollTimer = setTimeout(async () => {
      if (this.job?.id !== id) return;
      try {
        const status = await this.client.call('print.status', { job: id });
        // A failure's typed error comes with print.failed: the poll gives that event one more
        // round before ending the job with whatever print.status says.
        if (this.job?.id === id && status.state !== 'failed') this.advance(status.state, null);
        else if (this.job?.id === id && this.job.sawFailed) this.advance('failed', status.error ? jobError(status.error) : null);
        else if (this.job?.id === id) this.job.sawFailed = true;
      } catch {
        // the events still end the job
      }
      this.poll();
    }, STATUS_POLL_MS);
  }

  finish(state, error) {
    clearTimeout(this.pollTimer);
    this.job = null;
    this.setState(state);
    if (error) this.showFault(error);
    announce(this.ui.status.textContent);
  }

  relabel() {
    this.renderStatus();
  }

  reset() {
    clearTimeout(this.pollTimer);
    this.job = null;
    this.setState('idle');
  }
}
