// The transport's security policy, seen from outside: every hostile handshake is refused with a
// plain HTTP error before any upgrade (never a 101), the daemon keeps serving good clients after
// each, and the good clients (allowed origin, console origin, bearer token) get in.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { ALLOWED_ORIGIN, FOREIGN_ORIGIN, findConfigValue, startDaemon, testConfig } from './daemon.mjs';
import { RpcSession, eventually, httpGet, openSession, rawUpgrade } from './rpc.mjs';

const MiB = 1024 * 1024;

/** A good client still gets a full session: connect, hello, a call, close. */
async function assertStillServes(daemon) {
  const session = await openSession(daemon, { origin: ALLOWED_ORIGIN });
  try {
    const info = await session.call('system.info', {});
    assert.equal(info.pid, daemon.pid, 'system.info.pid is the daemon we started');
  } finally {
    await session.close();
  }
}

/** Opens a raw TCP connection, sends `bytes` (maybe none) and measures how long until the server closes it. */
function timeUntilServerCloses(port, bytes, limitMs) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect({ host: '127.0.0.1', port });
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`server kept a stalled handshake open for more than ${limitMs} ms`));
    }, limitMs);
    socket.on('connect', () => { if (bytes) socket.write(bytes); });
    socket.on('data', (d) => { received += d.toString('latin1'); });
    socket.on('error', () => { /* a reset is a close too */ });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ elapsedMs: Date.now() - started, received });
    });
  });
}

describe('handshake policy', () => {
  let daemon;

  before(async () => { daemon = await startDaemon(); });
  after(() => daemon?.kill());

  test('the token file is private (0600) and the raw upgrade helper is sound (good origin → 101)', async () => {
    assert.equal(daemon.tokenMode, 0o600, `token file mode is ${daemon.tokenMode.toString(8)}`);
    const r = await rawUpgrade(daemon.port, { origin: ALLOWED_ORIGIN });
    assert.equal(r.status, 101);
    assert.equal(r.upgraded, true);
  });

  // Each hostile request → [expected status(es), request options]. Status lists are used only
  // where the spec leaves a choice (see the notes).
  const hostile = [
    ['foreign origin', 403, () => ({ origin: FOREIGN_ORIGIN })],
    ['"null" origin (sandboxed iframe, file://)', 403, () => ({ origin: 'null' })],
    ['allowed origin with a trailing slash (exact match only)', 403, () => ({ origin: `${ALLOWED_ORIGIN}/` })],
    ['allowed host with another scheme', 403, () => ({ origin: ALLOWED_ORIGIN.replace('http:', 'https:') })],
    ['allowed host with another port', 403, () => ({ origin: 'http://app.test.example:8081' })],
    ['allowed origin as a prefix of a foreign host', 403, () => ({ origin: `${ALLOWED_ORIGIN}.evil.example` })],
    ['console origin with a wrong port', 403, (d) => ({ origin: `http://127.0.0.1:${d.port === 1 ? 2 : 1}` })],
    ['foreign origin even with a valid token', 403, (d) => ({ origin: FOREIGN_ORIGIN, authorization: `Bearer ${d.token}` })],
    ['no origin and no token', 401, () => ({})],
    // "no Origin → Bearer token, else 401" and "403 for token problems": either is a refusal.
    ['no origin and a wrong token', [401, 403], (d) => ({ authorization: `Bearer ${d.token}x` })],
    ['no origin and an empty bearer', [401, 403], () => ({ authorization: 'Bearer ' })],
    ['no origin and the token as Basic credentials', [401, 403], (d) => ({ authorization: `Basic ${d.token}` })],
    ['Host evil.example with a good origin (DNS rebinding)', 403, () => ({ origin: ALLOWED_ORIGIN, host: 'evil.example' })],
    ['Host evil.example:<port> with a good origin (DNS rebinding)', 403,
      (d) => ({ origin: ALLOWED_ORIGIN, host: `evil.example:${d.port}` })],
    ['Host evil.example:<port> with a valid token', 403,
      (d) => ({ authorization: `Bearer ${d.token}`, host: `evil.example:${d.port}` })],
    ['Host 127.0.0.1 with a wrong port', 403, (d) => ({ origin: ALLOWED_ORIGIN, host: `127.0.0.1:${d.port + 1}` })],
    ['Host localhost without a port', 403, () => ({ origin: ALLOWED_ORIGIN, host: 'localhost' })],
    // A missing Host is malformed HTTP/1.1 (400) or a Host-policy refusal (403).
    ['no Host header', [400, 403], () => ({ origin: ALLOWED_ORIGIN, host: null })],
  ];

  for (const [name, expected, options] of hostile) {
    test(`refuses ${name} before upgrading, then still serves`, async () => {
      const r = await rawUpgrade(daemon.port, options(daemon));
      assert.equal(r.upgraded, false, 'the connection was upgraded (101)');
      const allowed = [expected].flat();
      assert.ok(allowed.includes(r.status), `HTTP ${r.status}, expected ${allowed.join(' or ')}; body: ${r.body.slice(0, 200)}`);
      await assertStillServes(daemon);
    });
  }

  test('accepts the allowed web-app origin', async () => {
    const session = await RpcSession.connect(daemon.wsUrl, { origin: ALLOWED_ORIGIN });
    const hello = await session.call('system.hello', { client: 'web-app', apiVersions: ['1.0'] });
    assert.equal(hello.apiVersion, '1.0');
    await session.close();
  });

  test('accepts the console origins (127.0.0.1 and localhost with the daemon port)', async () => {
    for (const origin of [`http://127.0.0.1:${daemon.port}`, `http://localhost:${daemon.port}`]) {
      const session = await RpcSession.connect(daemon.wsUrl, { origin });
      const info = await session.call('system.info', {});
      assert.equal(info.pid, daemon.pid, origin);
      await session.close();
    }
  });

  test('accepts the bearer token without an origin (CLI, native apps)', async () => {
    const session = await RpcSession.connect(daemon.wsUrl, { token: daemon.token });
    const info = await session.call('system.info', {});
    assert.equal(info.pid, daemon.pid);
    await session.close();
  });

  test('accepts every loopback Host form with the daemon port', async () => {
    for (const host of [`127.0.0.1:${daemon.port}`, `localhost:${daemon.port}`, `[::1]:${daemon.port}`]) {
      const r = await rawUpgrade(daemon.port, { origin: ALLOWED_ORIGIN, host });
      assert.equal(r.status, 101, `Host ${host}: HTTP ${r.status} ${r.body.slice(0, 200)}`);
    }
  });

  test('a message under the 1 MiB limit is answered and the session stays open', async () => {
    const session = await openSession(daemon, { origin: ALLOWED_ORIGIN });
    const pad = 'x'.repeat(MiB - 4096);
    const reply = await session.request('system.hello', { client: pad, apiVersions: ['1.0'] }, { timeoutMs: 10_000 });
    assert.ok('result' in reply || 'error' in reply, 'a JSON-RPC reply');
    assert.equal((await session.call('system.info', {})).pid, daemon.pid);
    await session.close();
  });

  test('an oversize frame closes the connection with 1009, then the daemon still serves', async () => {
    const session = await openSession(daemon, { origin: ALLOWED_ORIGIN });
    const pad = 'x'.repeat(2 * MiB);
    session.sendRaw(JSON.stringify({ jsonrpc: '2.0', id: 99, method: 'system.info', params: { pad } }));
    const closeTimer = new Promise((_, reject) => setTimeout(() => reject(new Error('not closed within 10 s')), 10_000).unref());
    const { code } = await Promise.race([session.closed, closeTimer]);
    // 1006 means no close frame arrived: typically the server closed the socket with the
    // unread payload still queued, so the kernel sent a reset that discarded the close frame.
    assert.equal(code, 1009, `close code ${code}${code === 1006 ? ' (no close frame: connection reset)' : ''}`);
    assert.equal(session.raw.length, 0, 'no reply to the oversize message');
    await assertStillServes(daemon);
  });

  test('stalled handshakes (nothing sent, half a request line) are dropped within ~10 s', async () => {
    const [silent, partial] = await Promise.all([
      timeUntilServerCloses(daemon.port, '', 12_000),
      timeUntilServerCloses(daemon.port, 'GET /v1 HT', 12_000),
    ]);
    assert.ok(!partial.received.startsWith('HTTP/1.1 101'), 'no upgrade for a partial request');
    assert.ok(silent.elapsedMs <= 12_000 && partial.elapsedMs <= 12_000);
    await assertStillServes(daemon);
  });

  test('GET /v1/blobs/<unknown>: foreign origin 403, no credentials 401, good auth or same-origin fetch 404 JSON', async () => {
    const foreign = await httpGet(daemon.port, '/v1/blobs/x', { headers: { Origin: FOREIGN_ORIGIN } });
    assert.equal(foreign.status, 403, `foreign origin: ${foreign.status}`);
    const rebinding = await httpGet(daemon.port, '/v1/blobs/x', {
      headers: { Origin: ALLOWED_ORIGIN, Host: `evil.example:${daemon.port}` },
    });
    assert.equal(rebinding.status, 403, `Host evil.example: ${rebinding.status}`);
    const anonymous = await httpGet(daemon.port, '/v1/blobs/x');
    assert.equal(anonymous.status, 401, `no origin, no token: ${anonymous.status}`);
    // A browser's same-origin GET (the console opening a scanned page) carries no Origin, only
    // Sec-Fetch-Site; any other Sec-Fetch-Site value gets nothing.
    for (const site of ['cross-site', 'same-site', 'none']) {
      const r = await httpGet(daemon.port, '/v1/blobs/x', { headers: { 'Sec-Fetch-Site': site } });
      assert.equal(r.status, 401, `Sec-Fetch-Site ${site}: ${r.status}`);
    }
    for (const headers of [{ Authorization: `Bearer ${daemon.token}` }, { Origin: ALLOWED_ORIGIN },
      { 'Sec-Fetch-Site': 'same-origin' }]) {
      const r = await httpGet(daemon.port, '/v1/blobs/x', { headers });
      assert.equal(r.status, 404, `${Object.keys(headers)[0]}: ${r.status}`);
      assert.match(r.headers['content-type'] ?? '', /json/, 'the 404 is JSON');
      assert.doesNotThrow(() => JSON.parse(r.body), `404 body is JSON: ${r.body.slice(0, 200)}`);
    }
  });

  test('GET / serves the console in Vietnamese, with its modules and stylesheet', async () => {
    const page = await httpGet(daemon.port, '/');
    assert.equal(page.status, 200);
    assert.match(page.headers['content-type'] ?? '', /^text\/html/);
    assert.match(page.body, /<html[^>]*\slang="vi"/);
    const js = await httpGet(daemon.port, '/js/main.js');
    assert.equal(js.status, 200, 'GET /js/main.js');
    // Browsers refuse ES modules served with a non-JavaScript MIME type.
    assert.match(js.headers['content-type'] ?? '', /^(text|application)\/javascript/);
    const css = await httpGet(daemon.port, '/css/console.css');
    assert.equal(css.status, 200, 'GET /css/console.css');
    assert.match(css.headers['content-type'] ?? '', /^text\/css/);
  });

  test('static files do not escape the console folder', async () => {
    for (const path of ['/../../../../etc/passwd', '/..%2f..%2f..%2f..%2fetc%2fpasswd', '/js/../../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd']) {
      const r = await httpGet(daemon.port, path);
      assert.ok(!/root:.*:0:0:/.test(r.body), `${path} leaked /etc/passwd`);
      assert.ok(r.status >= 400 || r.body.includes('<html'), `${path}: HTTP ${r.status}`);
    }
  });

  test('GET /metrics is Prometheus text', async () => {
    const r = await httpGet(daemon.port, '/metrics', { headers: { Authorization: `Bearer ${daemon.token}` } });
    assert.equal(r.status, 200);
    assert.match(r.headers['content-type'] ?? '', /^text\/plain/);
    assert.match(r.body, /^# TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (counter|gauge|histogram|summary|untyped)$/m);
  });

  test('the log never holds the bearer token or request bodies', () => {
    assert.ok(daemon.output.length > 0, 'the daemon logged something (refusals are logged)');
    assert.ok(!daemon.output.includes(daemon.token), 'the bearer token appears in the log');
    assert.ok(!daemon.output.includes('x'.repeat(64)), 'a request body appears in the log');
  });

  test('daemon stops cleanly on SIGTERM (exit 0, port file removed)', async () => {
    await daemon.stop();
  });
});

describe('connection limit', () => {
  let daemon;
  const sessions = [];
  // The test config sets the cap (16); read it if the config names it, so the two stay in step.
  const configured = findConfigValue(testConfig(), /^max_?connections$/i);
  const maxConnections = Number.isInteger(configured) ? configured : 16;

  before(async () => { daemon = await startDaemon(); });
  after(async () => {
    await Promise.all(sessions.map((s) => s.close()));
    daemon?.kill();
  });

  test(`the connection after the ${maxConnections}th gets 503 before upgrade; closing one frees a slot`, async () => {
    for (let i = 0; i < maxConnections; i++) {
      sessions.push(await openSession(daemon, { origin: ALLOWED_ORIGIN }));
    }
    const refused = await rawUpgrade(daemon.port, { origin: ALLOWED_ORIGIN });
    assert.equal(refused.upgraded, false, 'connection beyond the cap was upgraded');
    assert.equal(refused.status, 503, `HTTP ${refused.status}`);

    // The open sessions are unaffected.
    assert.equal((await sessions[0].call('system.info', {})).pid, daemon.pid);

    await sessions.shift().close();
    const again = await eventually(() => openSession(daemon, { origin: ALLOWED_ORIGIN }), { timeoutMs: 5000 });
    sessions.push(again);
    assert.equal((await again.call('system.info', {})).pid, daemon.pid);
  });

  test('daemon stops cleanly on SIGTERM with sessions open', async () => {
    await daemon.stop();
  });
});
