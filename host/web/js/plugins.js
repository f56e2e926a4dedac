// Plugin list (admin.plugins): state, and for plugins that failed to load the reason and detail.

import { byId, el, replaceChildren } from './dom.js';
import { errorText, hasText, onLangChange, t } from './i18n.js';

export function setupPlugins(client) {
  const body = byId('plugins-body');
  const empty = byId('plugins-empty');
  const alert = byId('plugins-alert');
  const summary = byId('plugins-summary');
  const refreshButton = byId('plugins-refresh');
  let plugins = null;

  function reasonCell(p) {
    if (p.state !== 'failed') return el('td', {}, el('span', { class: 'muted' }, '—'));
    const key = `plugins.reason.${p.reason}`;
    return el('td', { class: 'reason' },
      p.reason ? el('div', {}, el('code', {}, p.reason), hasText(key) ? ` — ${t(key)}` : '') : null,
      // The detail is a developer message in English, shown as is.
      p.detail ? el('div', { class: 'detail', lang: 'en' }, p.detail) : null);
  }

  function row(p) {
    const ok = p.state === 'loaded';
    return el('tr', { class: ok ? '' : 'row-failed' },
      el('th', { scope: 'row' }, el('code', {}, p.id)),
      el('td', {}, p.version || '—'),
      el('td', {}, p.vendor || '—'),
      el('td', {}, (p.kinds ?? []).map((k) => t(`devices.kind.${k}`)).join(', ') || '—'),
      el('td', {}, p.abi || '—'),
      el('td', {},
        el('span', { class: `badge ${ok ? 'badge-ok' : 'badge-bad'}` },
          el('span', { class: 'badge-icon', 'aria-hidden': 'true' }, ok ? '✓' : '✕'),
          t(ok ? 'plugins.state.loaded' : 'plugins.state.failed'))),
      reasonCell(p));
  }

  function render() {
    const list = plugins ?? [];
    replaceChildren(body, [...list].sort((a, b) => a.id.localeCompare(b.id)).map(row));
    empty.hidden = plugins === null || list.length > 0;
    const failed = list.filter((p) => p.state === 'failed').length;
    summary.textContent = plugins === null ? '' : t('plugins.summary', { loaded: list.length - failed, failed });
  }

  async function refresh() {
    try {
      plugins = (await client.call('admin.plugins', {})).plugins;
      alert.hidden = true;
    } catch (err) {
      alert.textContent = errorText(err);
      alert.hidden = false;
    }
    render();
  }

  client.whenOpen(refresh);
  refreshButton.addEventListener('click', refresh);
  onLangChange(render);
  render();
}
