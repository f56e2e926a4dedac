// What every browser test of the console shares: Debian's Chromium, a real onestopd with a
// token-authenticated "admin" session as the source of truth, the artifacts folder for
// screenshots and the console's own string tables.
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startDaemon } from '../node/daemon.mjs';
import { openSession } from '../node/rpc.mjs';

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

/** Starts onestopd, its admin session and Chromium: { daemon, admin, browser }. */
export async function startBrowserSuite() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run scripts/setup (Debian package chromium)`);
  const daemon = await startDaemon();
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
