// Connection and service health: the header badge, the overview panel, and the periodic
// system.health poll while connected.

import { byId, replaceChildren, el } from './dom.js';
import { formatDateTime, formatDuration, hasText, onLangChange, t } from './i18n.js';

const POLL_MS = 10_000;

export function setupHealth(client) {
  const badge = byId('conn');
  const badgeText = byId('conn-text');
  const view = {
    state: byId('ov-conn-state'),
    endpoint: byId('ov-endpoint'),
    retry: byId('ov-retry'),
    retryButton: byId('ov-retry-now'),
    status: byId('ov-status'),
    version: byId('ov-version'),
    api: byId('ov-api'),
    platform: byId('ov-platform'),
    uptime: byId('ov-uptime'),
    started: byId('ov-started'),
    checked: byId('ov-checked'),
    loaded: byId('ov-plugins-loaded'),
    failed: byId('ov-plugins-failed'),
  };

  let conn = { state: 'connecting' };
  let info = null;
  let health = null;
  let checkedAt = null;
  let pollTimer = null;
  let tickTimer = null;

  view.endpoint.textContent = client.url;
  view.retryButton.addEventListener('click', () => client.retryNow());

  function renderConnection() {
    const state = conn.state;
    badge.dataset.state = state;
    const label = t(`conn.${state}`);
    badgeText.textContent = label;
    view.state.textContent = label;
    view.state.dataset.state = state;

    let retryText = '';
    if (state === 'closed' && conn.retryAt) {
      const seconds = Math.max(0, Math.ceil((conn.retryAt - Date.now()) / 1000));
      retryText = t('conn.retryIn', { seconds });
    }
    if (state === 'closed' && conn.error) {
      const reason = conn.error.data?.reason;
      retryText = `${reason === 'UNSUPPORTED_API_VERSION' ? t('conn.incompatible') : t('conn.helloFailed')} ${retryText}`;
    }
    view.retry.textContent = retryText;
    view.retryButton.hidden = state !== 'closed';
  }

  function renderService() {
    const dash = '—';
    const status = health?.status;
    view.status.dataset.state = status ?? 'unknown';
    const statusKey = `health.status.${status}`;
    view.status.textContent = status ? (hasText(statusKey) ? t(statusKey) : status) : dash;
    view.version.textContent = info?.version ?? client.hello?.version ?? dash;
    view.api.textContent = client.hello?.apiVersion ?? dash;
    view.platform.textContent = info?.platform ?? dash;
    const uptime = health?.uptimeSeconds ?? info?.uptimeSeconds;
    view.uptime.textContent = typeof uptime === 'number' ? formatDuration(uptime) : dash;
    view.started.textContent = info?.startedAt ? formatDateTime(new Date(info.startedAt)) : dash;
    view.checked.textContent = checkedAt ? formatDateTime(checkedAt) : dash;
    const plugins = health?.checks?.plugins;
    view.loaded.textContent = plugins ? String(plugins.loaded) : dash;
    replaceChildren(view.failed, plugins
      ? el('span', { class: plugins.failed > 0 ? 'count-bad' : '' }, String(plugins.failed))
      : dash);
  }

  async function poll() {
    clearTimeout(pollTimer);
    if (!client.isOpen) return;
    try {
      health = await client.call('system.health', {});
      checkedAt = new Date();
    } catch {
      health = null; // connection errors are shown by the connection state
    }
    renderService();
    if (client.isOpen) pollTimer = setTimeout(poll, POLL_MS);
  }

  client.addEventListener('state', async (ev) => {
    conn = ev.detail;
    renderConnection();
    clearInterval(tickTimer);
    if (conn.state === 'closed' && conn.retryAt) tickTimer = setInterval(renderConnection, 1000);
    if (conn.state === 'open') {
      try {
        info = await client.call('system.info', {});
      } catch {
        info = null;
      }
      poll();
    } else {
      clearTimeout(pollTimer);
      health = null;
    }
    renderService();
  });

  onLangChange(() => {
    renderConnection();
    renderService();
  });
  renderConnection();
  renderService();
}
