// Live device list: devices.list, then device.* and card.* events update rows in place.
// Simulated readers get insert/remove buttons (admin.simulator.*).

import { byId, el, replaceChildren } from './dom.js';
import { errorText, onLangChange, t } from './i18n.js';
import { announce } from './announcer.js';

const KIND_ORDER = { reader: 0, scanner: 1, printer: 2 };

export function setupDevices(client) {
  const body = byId('devices-body');
  const empty = byId('devices-empty');
  const alert = byId('devices-alert');
  const refreshButton = byId('devices-refresh');
  const devices = new Map(); // id → device
  const busy = new Set(); // reader ids with a simulator call in flight
  let loaded = false;
  let focusHint = null; // {id, action}: where focus belongs while buttons are disabled and re-created

  function showError(err) {
    alert.textContent = err ? errorText(err) : '';
    alert.hidden = !err;
  }

  function cardCell(d) {
    if (d.kind !== 'reader') return el('td', {}, el('span', { class: 'muted' }, t('devices.card.na')));
    const present = d.cardPresent === true;
    return el('td', {},
      el('span', { class: `badge ${present ? 'badge-ok' : 'badge-neutral'}` },
        el('span', { class: 'badge-icon', 'aria-hidden': 'true' }, present ? '●' : '○'),
        t(present ? 'devices.card.present' : 'devices.card.absent')));
  }

  function actionsCell(d) {
    if (d.kind !== 'reader' || !d.simulated) return el('td', {});
    const present = d.cardPresent === true;
    const pending = busy.has(d.id);
    return el('td', { class: 'actions' },
      el('button', {
        type: 'button', class: 'btn btn-small', 'data-action': 'insert',
        disabled: present || pending,
        'aria-label': t('devices.insert.label', { name: d.name }),
        onclick: () => simulate(d.id, 'insert'),
      }, t('devices.insert')),
      el('button', {
        type: 'button', class: 'btn btn-small btn-secondary', 'data-action': 'remove',
        disabled: !present || pending,
        'aria-label': t('devices.remove.label', { name: d.name }),
        onclick: () => simulate(d.id, 'remove'),
      }, t('devices.remove')));
  }

  function row(d) {
    return el('tr', { 'data-id': d.id },
      el('th', { scope: 'row' }, d.name || d.id,
        d.simulated ? el('span', { class: 'tag' }, t('devices.simulated')) : null),
      el('td', {}, el('code', {}, d.id)),
      el('td', {}, t(`devices.kind.${d.kind}`)),
      cardCell(d),
      actionsCell(d));
  }

  function sorted() {
    return [...devices.values()].sort((a, b) =>
      (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) || a.id.localeCompare(b.id));
  }

  // Re-renders all rows, keeping keyboard focus on the same button of the same device.
  function render() {
    const focused = document.activeElement;
    const inTable = body.contains(focused);
    const lost = !focused || focused === document.body; // e.g. the focused button became disabled
    const hint = lost ? focusHint : null;
    const focusRow = inTable ? focused.closest('tr[data-id]')?.dataset.id : hint?.id;
    const focusAction = inTable ? focused.dataset.action : hint?.action;
    replaceChildren(body, sorted().map(row));
    empty.hidden = !loaded || devices.size > 0;
    if (focusRow) {
      const tr = [...body.rows].find((r) => r.dataset.id === focusRow);
      const target = tr?.querySelector(`[data-action="${focusAction}"]:not([disabled])`) ??
                     tr?.querySelector('button:not([disabled])');
      target?.focus();
    }
  }

  async function refresh() {
    try {
      const result = await client.call('devices.list', {});
      devices.clear();
      for (const d of result.devices) devices.set(d.id, d);
      loaded = true;
      showError(null);
    } catch (err) {
      showError(err);
    }
    render();
  }

  async function simulate(id, action) {
    focusHint = { id, action };
    busy.add(id);
    render();
    try {
      const method = action === 'insert' ? 'admin.simulator.insertCard' : 'admin.simulator.removeCard';
      await client.call(method, { reader: id });
      const d = devices.get(id);
      if (d) d.cardPresent = action === 'insert'; // the event confirms it; this avoids a flicker
      showError(null);
    } catch (err) {
      showError(err);
    } finally {
      busy.delete(id);
      render();
      focusHint = null;
    }
  }

  function setCard(readerId, present) {
    const d = devices.get(readerId);
    if (!d) {
      refresh(); // an event for a device we have not seen yet
      return;
    }
    if (d.cardPresent === present) return;
    d.cardPresent = present;
    render();
    announce(t(present ? 'devices.announce.inserted' : 'devices.announce.removed', { name: d.name || d.id }));
  }

  client.onNotification('card.inserted', (_, p) => setCard(p.reader, true));
  client.onNotification('card.removed', (_, p) => setCard(p.reader, false));
  client.onNotification('device.added', (_, p) => {
    if (!p.device?.id) return;
    devices.set(p.device.id, p.device);
    render();
    announce(t('devices.announce.added', { name: p.device.name || p.device.id }));
  });
  client.onNotification('device.removed', (_, p) => {
    const d = devices.get(p.device?.id);
    if (!d) return;
    devices.delete(d.id);
    render();
    announce(t('devices.announce.removedDevice', { name: d.name || d.id }));
  });

  client.subscribe(['device.*', 'card.*']).catch(() => { /* re-sent on connect */ });
  client.whenOpen(refresh);
  refreshButton.addEventListener('click', refresh);
  onLangChange(render);
  render();
}
