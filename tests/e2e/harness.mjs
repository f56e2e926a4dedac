// What every browser test of the console shares: Debian's Chromium, a real onestopd with a
// token-authenticated "admin" session as the source of truth, the artifacts folder for
// screenshots and the console's own string tables.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startDaemon } from '../node/daemon.mjs';
import { eventually, openSession } from '../node/rpc.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '../..');
export const CHROMIUM = process.env.ONESTOP_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
// How long the page may take to show something that the daemon already did (events, replies).
export const UI_TIMEOUT_MS = 5000;
export const CONNECT_TIMEOUT_MS = 8000; // a cold browser on a busy 2-core machine

// The console's own string tables: what the page must show, in each language.
export const { STRINGS } = await import(pathToFileURL(join(ROOT, 'host/web/js/i18n.js')).href);

function artifactsDir() {
  const candidates = [
    process.env.ONESTOP_E2E_ARTIFACTS,
    existsSync(join(ROOT, 'build')) ? join(ROOT, 'build', 'e2e-artifacts') : null,
    join(tmpdir(), 'onestop-e2e-artifacts'),
  ].filter(Boolean);
  for (const dir of candidates) {
    try {
      mkdirSync(dir, { recursive: true });
      return dir;
    } catch {
      // not writable: try the next one
    }
  }
  throw new Error(`no writable artifacts folder among ${candidates.join(', ')}`);
}

export const ARTIFACTS = artifactsDir();

/** The trimmed text of a locator, or null. */
export const text = async (locator) => (await locator.textContent())?.trim() ?? null;

/** The generated test cards (ONESTOP_TEST_CARDS = <build>/testcards); checked when first used. */
function testCardsDir() {
  const dir = process.env.ONESTOP_TEST_CARDS;
  if (!dir || !existsSync(join(dir, 'an-2021', 'card.json'))) {
    throw new Error(`ONESTOP_TEST_CARDS=${dir} holds no generated test cards (build the testcards target)`);
  }
  return dir;
}
/** A card's truth as generated: printed fields, QR text, CAN, MRZ (its card.json). */
export const cardTruth = (card) => JSON.parse(readFileSync(join(testCardsDir(), card, 'card.json'), 'utf8'));

/**
 * Starts onestopd with the test config, or with `simulator` settings merged over the config's
 * plugins.settings.simulator (written to a temporary config file, removed once the daemon runs).
 */
async function startTestDaemon(simulator) {
  if (!simulator) return startDaemon();
  const base = process.env.ONESTOP_TEST_CONFIG;
  const config = JSON.parse(readFileSync(base, 'utf8'));
  config.plugins ??= {};
  config.plugins.settings ??= {};
  config.plugins.settings.simulator = { ...config.plugins.settings.simulator, ...simulator };
  const dir = mkdtempSync(join(tmpdir(), 'onestop-e2e-config-'));
  const file = join(dir, 'onestopd.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  process.env.ONESTOP_TEST_CONFIG = file; // startDaemon reads it from the environment
  try {
    return await startDaemon();
  } finally {
    process.env.ONESTOP_TEST_CONFIG = base;
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Starts onestopd, its admin session and Chromium: { daemon, admin, browser }. `simulator`
 * overrides the simulator plugin's settings (e.g. {scanImages: dir}) for this suite.
 */
export async function startBrowserSuite({ simulator } = {}) {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run scripts/setup (Debian package chromium)`);
  const daemon = await startTestDaemon(simulator);
  const admin = await openSession(daemon, { token: daemon.token });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  console.log(`onestopd at ${daemon.httpBase}; Chromium ${browser.version()}; screenshots in ${ARTIFACTS}`);
  return { daemon, admin, browser };
}

/** Stops what startBrowserSuite started (whatever part of it did start). */
export async function stopBrowserSuite({ daemon, admin, browser } = {}) {
  await browser?.close();
  await admin?.close();
  if (daemon?.running) await daemon.stop();
}

/**
 * Opens the console on `tab` in a fresh browser context, waits for the connection, runs
 * `fn(page, {received})` (`received`: every JSON frame the page's WebSocket got), then saves a
 * full-page screenshot <ARTIFACTS>/<shot>.png and fails on any uncaught error or console.error.
 */
export async function withConsolePage(t, { browser, daemon, tab, shot, viewport = { width: 1280, height: 1000 } }, fn) {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`); });
  const received = [];
  page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => {
    try { received.push(JSON.parse(payload.toString())); } catch { /* not JSON */ }
  }));
  const path = join(ARTIFACTS, `${shot}.png`);
  try {
    const response = await page.goto(`${daemon.httpBase}/#${tab}`);
    if (response.status() !== 200) throw new Error(`the console answered HTTP ${response.status()}`);
    await eventually(async () => {
      const state = await page.locator('#conn').getAttribute('data-state');
      if (state !== 'open') throw new Error(`connection state ${state}`);
    }, { timeoutMs: CONNECT_TIMEOUT_MS });
    if (!(await page.locator(`#panel-${tab}`).isVisible())) throw new Error(`the ${tab} panel is not shown`);
    await fn(page, { received });
    if (problems.length) throw new Error(`the page reported errors: ${problems.join('; ')}`);
  } finally {
    await page.screenshot({ path, fullPage: true })
      .then(() => t.diagnostic(`screenshot: ${path}`))
      .catch((err) => t.diagnostic(`no screenshot: ${err.message}`));
    await context.close();
  }
}
