// Starts and stops onestopd for the Node integration tests.
//
// The daemon is started on port 0 in a fresh runtime directory; it tells us its port and bearer
// token through <runtime-dir>/port and <runtime-dir>/token once its listener is bound. Stopping is
// part of the contract under test: SIGTERM must make it exit 0 and remove the port file.
//
// Environment (set by ctest, see CMakeLists.txt):
//   ONESTOPD             path to build/stage/bin/onestopd
//   ONESTOP_TEST_CONFIG  JSON config enabling the simulator plugin and the test origin

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The web-app origin that the test config allows (security.allowedOrigins). */
export const ALLOWED_ORIGIN = 'http://app.test.example:8080';
/** An origin that no config allows. */
export const FOREIGN_ORIGIN = 'http://evil.example';

const STARTUP_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;
const OUTPUT_KEEP_CHARS = 1 << 20; // enough for a test file's whole log
const OUTPUT_SHOW_CHARS = 8192; // what error messages quote

const running = new Set();
// Never leave a daemon behind, whatever happens to the test process.
process.on('exit', () => {
  for (const d of running) d.kill();
});

function requireEnv(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run through ctest, or set ${name} by hand ` +
                    '(see tests/node/CMakeLists.txt)');
  }
  if (!existsSync(value)) throw new Error(`${name}=${value} does not exist`);
  return value;
}

/** The test config as JSON (to read limits such as the connection cap). */
export function testConfig() {
  return JSON.parse(readFileSync(requireEnv('ONESTOP_TEST_CONFIG'), 'utf8'));
}

/** Finds the first value under a key matching `pattern` anywhere in `obj` (depth-first). */
export function findConfigValue(obj, pattern) {
  if (obj === null || typeof obj !== 'object') return undefined;
  for (const [key, value] of Object.entries(obj)) {
    if (pattern.test(key) && (typeof value !== 'object' || value === null)) return value;
  }
  for (const value of Object.values(obj)) {
    const found = findConfigValue(value, pattern);
    if (found !== undefined) return found;
  }
  return undefined;
}

class Daemon {
  constructor(child, runtimeDir) {
    this.child = child;
    this.runtimeDir = runtimeDir;
    this.portFile = join(runtimeDir, 'port');
    this.tokenFile = join(runtimeDir, 'token');
    this.port = 0;
    this.token = '';
    this.output = '';
    this.exit = null; // {code, signal} once exited
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.exit = { code, signal };
        running.delete(this);
        if (this.killed) this.cleanup();
        resolve(this.exit);
      });
    });
    // A binary that cannot be started (missing, not executable, being relinked) never exits.
    child.on('error', (err) => {
      if (this.exit) return;
      this.exit = { code: null, signal: null, error: err.message };
      running.delete(this);
      this.cleanup();
    });
    const keep = (chunk) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-OUTPUT_KEEP_CHARS);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
  }

  get pid() { return this.child.pid; }
  get running() { return this.exit === null; }
  get httpBase() { return `http://127.0.0.1:${this.port}`; }
  get wsUrl() { return `ws://127.0.0.1:${this.port}/v1`; }
  /** The console's own origin (allowed without configuration). */
  get consoleOrigin() { return `http://127.0.0.1:${this.port}`; }

  describe() {
    const state = this.exit ? `exited code=${this.exit.code} signal=${this.exit.signal}` : 'running';
    return `onestopd pid ${this.pid} (${state}), runtime dir ${this.runtimeDir}\n` +
           `--- daemon output (tail) ---\n${this.output.slice(-OUTPUT_SHOW_CHARS)}\n--- end ---`;
  }

  async waitReady(timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exit) throw new Error(`onestopd exited before writing its port file\n${this.describe()}`);
      if (existsSync(this.portFile)) {
        const text = readFileSync(this.portFile, 'utf8').trim();
        const port = Number(text);
        if (!/^\d+$/.test(text) || !Number.isInteger(port) || port <= 0 || port > 65535) {
          throw new Error(`port file holds ${JSON.stringify(text)}, not a decimal port\n${this.describe()}`);
        }
        this.port = port;
        // The token file is written before (or with) the port file; allow a short grace period.
        for (let i = 0; i < 40 && !existsSync(this.tokenFile); i++) await sleep(25);
        if (!existsSync(this.tokenFile)) throw new Error(`no token file in ${this.runtimeDir}`);
        this.token = readFileSync(this.tokenFile, 'utf8').trim();
        this.tokenMode = statSync(this.tokenFile).mode & 0o777;
        if (!this.token) throw new Error('token file is empty');
        return;
      }
      await sleep(50);
    }
    throw new Error(`onestopd wrote no port file within ${timeoutMs} ms\n${this.describe()}`);
  }

  /**
   * Stops the daemon with SIGTERM and checks the shutdown contract. Throws (with the daemon's
   * output) if it does not exit 0 in time or leaves its port file behind.
   */
  async stop() {
    if (!this.running) {
      throw new Error(`onestopd was no longer running when asked to stop\n${this.describe()}`);
    }
    process.kill(this.pid, 'SIGTERM');
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(resolve, STOP_TIMEOUT_MS, 'timeout'); });
    const outcome = await Promise.race([this.exited, timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      this.kill();
      throw new Error(`onestopd did not exit within ${STOP_TIMEOUT_MS} ms of SIGTERM\n${this.describe()}`);
    }
    const { code, signal } = outcome;
    const portFileLeft = existsSync(this.portFile);
    const problems = [];
    if (code !== 0) problems.push(`exit code ${code} signal ${signal} (expected exit code 0)`);
    if (portFileLeft) problems.push(`port file ${this.portFile} still exists after exit`);
    if (problems.length) throw new Error(`unclean shutdown: ${problems.join('; ')}\n${this.describe()}`);
    this.cleanup();
  }

  /** Kills without checks (test failure paths); idempotent. */
  kill() {
    if (this.running) {
      this.killed = true;
      try { process.kill(this.pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    this.cleanup();
  }

  cleanup() {
    if (this.running) return; // keep the dir while the process may still use it
    try { rmSync(this.runtimeDir, { recursive: true, force: true }); } catch { /* best effort */ }
  }
}

/** The test CSCA of the generated cards, when the build says where they are. */
function trustArgs() {
  const cards = process.env.ONESTOP_TEST_CARDS;
  return cards ? ['--trust-dirs', join(cards, 'trust')] : [];
}

/**
 * Starts onestopd on an ephemeral port in a fresh runtime dir and waits until it is ready.
 * @returns {Promise<Daemon>}
 */
export async function startDaemon({ extraArgs = [], timeoutMs = STARTUP_TIMEOUT_MS } = {}) {
  const binary = requireEnv('ONESTOPD');
  const config = requireEnv('ONESTOP_TEST_CONFIG');
  const runtimeDir = mkdtempSync(join(tmpdir(), 'onestopd-test-'));
  const args = ['--config', config, '--port', '0', '--runtime-dir', runtimeDir,
    '--state-dir', join(runtimeDir, 'state'), ...trustArgs(), ...extraArgs];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const daemon = new Daemon(child, runtimeDir);
  running.add(daemon);
  const spawnError = new Promise((_, reject) => child.on('error', reject));
  spawnError.catch(() => {}); // only raced below; a late error must not be "unhandled"
  try {
    await Promise.race([daemon.waitReady(timeoutMs), spawnError]);
  } catch (err) {
    daemon.kill();
    throw err;
  }
  return daemon;
}
