// The connected scanners, shared by the "Quét tài liệu" tab and the QR read on "Đọc CCCD":
// devices.list {kind: "scanner"} on every (re)connect, then device.added / device.removed.

import { el, replaceChildren } from './dom.js';

export class ScannerList {
  constructor(client) {
    this.client = client;
    this.scanners = new Map(); // id → device
    this.listeners = new Set();
    client.onNotification('device.added', (_, p) => {
      if (p.device?.kind !== 'scanner') return;
      this.scanners.set(p.device.id, p.device);
      this.changed();
    });
    client.onNotification('device.removed', (_, p) => {
      if (this.scanners.delete(p.device?.id)) this.changed();
    });
    client.subscribe(['device.*']).catch(() => { /* re-sent on connect */ });
    client.whenOpen(() => this.load());
  }

  async load() {
    try {
      const { devices } = await this.client.call('devices.list', { kind: 'scanner' });
      this.scanners.clear();
      for (const d of devices) if (d.kind === 'scanner') this.scanners.set(d.id, d);
    } catch {
      // the devices tab shows the error; the pickers keep what they had
    }
    this.changed();
  }

  /** Scanners sorted by id. */
  list() {
    return [...this.scanners.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** `listener(list)` after every change. */
  onChange(listener) {
    this.listeners.add(listener);
  }

  changed() {
    const list = this.list();
    for (const listener of this.listeners) listener(list);
  }
}

/** Fills a <select> with the scanners, keeping the current choice when it is still there. */
export function renderScannerOptions(select, list) {
  const keep = list.some((d) => d.id === select.value) ? select.value : list[0]?.id ?? '';
  replaceChildren(select, list.map((d) => el('option', { value: d.id }, d.name || d.id)));
  select.value = keep;
}
