// Console entry point: language, tabs, and the feature modules over one RPC client.

import { RpcClient } from './rpc-client.js';
import { currentLang, initLang, onLangChange, setLang } from './i18n.js';
import { setupHealth } from './health.js';
import { setupDevices } from './devices.js';
import { setupCardRead } from './card-read.js';
import { setupCardQr } from './card-qr.js';
import { ScannerList } from './scanners.js';
import { setupScan } from './scan.js';
import { setupProcedureWizard } from './procedure-wizard.js';
import { setupPlugins } from './plugins.js';
import { setupExplorer } from './explorer.js';

function setupLanguageSwitch() {
  const buttons = [...document.querySelectorAll('[data-lang]')];
  const render = () => {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.lang === currentLang()));
  };
  for (const b of buttons) b.addEventListener('click', () => setLang(b.dataset.lang));
  onLangChange(render);
  render();
}

// WAI-ARIA tabs: arrow keys move between tabs, the URL hash remembers the open one.
function setupTabs() {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  const show = (tab, focus) => {
    for (const t of tabs) {
      const selected = t === tab;
      t.setAttribute('aria-selected', String(selected));
      t.tabIndex = selected ? 0 : -1;
      document.getElementById(t.getAttribute('aria-controls')).hidden = !selected;
    }
    if (focus) tab.focus();
    const hash = `#${tab.dataset.tab}`;
    if (location.hash !== hash) history.replaceState(null, '', hash);
  };
  for (const [i, tab] of tabs.entries()) {
    tab.addEventListener('click', () => show(tab, false));
    tab.addEventListener('keydown', (ev) => {
      const moves = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 };
      if (!(ev.key in moves)) return;
      ev.preventDefault();
      show(tabs[(moves[ev.key] + tabs.length) % tabs.length], true);
    });
  }
  const fromHash = () => tabs.find((t) => `#${t.dataset.tab}` === location.hash) ?? tabs[0];
  window.addEventListener('hashchange', () => show(fromHash(), false));
  show(fromHash(), false);
}

initLang();
setupLanguageSwitch();
setupTabs();

const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
const client = new RpcClient(`${scheme}://${location.host}/v1`, { client: 'onestop-console' });
setupHealth(client);
setupDevices(client);
const scanners = new ScannerList(client);
const cardReader = setupCardRead(client);
setupCardQr(client, scanners, cardReader);
setupScan(client, scanners);
setupProcedureWizard(client, scanners, cardReader);
setupPlugins(client);
setupExplorer(client);
client.start();
