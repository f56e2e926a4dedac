// Client helpers for the Node integration tests: a JSON-RPC 2.0 session over `ws`, a raw
// WebSocket upgrade attempt (full control over Host/Origin/Authorization, no library policy in the
// way) and a plain HTTP GET.

import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';

export const DEFAULT_TIMEOUT_MS = 5000;

/** A JSON-RPC error response turned into an exception. */
export class RpcError extends Error {
  constructor(error, request) {
    super(`${request.method}: ${error?.code} ${error?.message}`);
    this.code = error?.code;
    this.data = error?.data;
    this.error = error;
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * One WebSocket session. Responses to `call`/`request` are matched by id; notifications are
 * recorded in `notifications`; every other message (batch replies, id:null errors, replies to
 * `sendRaw`) goes to a queue read by `nextRaw`.
 */
export class RpcSession {
  constructor(ws) {
    this.ws = ws;
    this.nextId = 1;
    this.pending = new Map();
    this.notifications = [];
    this.raw = [];
    this.waiters = [];
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        this.closeInfo = { code, reason: reason.toString() };
        for (const { reject, request } of this.pending.values()) {
          reject(new Error(`connection closed (${code}) before the reply to ${request.method}`));
        }
        this.pending.clear();
        resolve(this.closeInfo);
      });
    });
    ws.on('error', (err) => { this.lastError = err; });
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
  }

  /**
   * Opens a session. `origin` and/or `token` select the credentials; `headers` adds or overrides
   * request headers. Rejects with an Error carrying `.status` when the upgrade is refused.
   */
  static connect(url, { origin, token, headers = {}, timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
    const allHeaders = { ...headers };
    if (token) allHeaders.Authorization = `Bearer ${token}`;
    const ws = new WebSocket(url, {
      origin,
      headers: allHeaders,
      perMessageDeflate: false,
      handshakeTimeout: timeoutMs,
      maxPayload: 64 * 1024 * 1024,
    });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new RpcSession(ws)));
      ws.once('unexpected-response', (req, res) => {
        const err = new Error(`upgrade refused with HTTP ${res.statusCode}`);
        err.status = res.statusCode;
        req.destroy();
        reject(err);
      });
      ws.once('error', reject);
      ws.on('error', () => { /* reported through reject or RpcSession.lastError */ });
    });
  }

  onMessage(data, isBinary) {
    let msg;
    try {
      msg = JSON.parse(data.toString('utf8'));
    } catch {
      msg = { unparsable: data.toString('utf8'), isBinary };
    }
    if (!Array.isArray(msg) && msg && typeof msg === 'object') {
      if ('id' in msg && msg.id !== null && this.pending.has(msg.id)) {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        p.resolve(msg);
        return;
      }
      if (typeof msg.method === 'string' && !('id' in msg)) {
        this.notifications.push(msg);
        this.wake();
        return;
      }
    }
    this.raw.push(msg);
    this.wake();
  }

  wake() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  changed() {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Sends a request and resolves with the whole response object (result or error). */
  request(method, params, { timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
    const id = this.nextId++;
    const request = { jsonrpc: '2.0', id, method };
    if (params !== undefined) request.params = params;
    const reply = new Promise((resolve, reject) => this.pending.set(id, { resolve, reject, request }));
    this.ws.send(JSON.stringify(request));
    return withTimeout(reply, timeoutMs, `the reply to ${method}`);
  }

  /** Sends a request; resolves with `result`, rejects with RpcError on an error response. */
  async call(method, params = {}, options) {
    const response = await this.request(method, params, options);
    if ('error' in response) throw new RpcError(response.error, { method });
    if (!('result' in response)) throw new Error(`${method}: reply has neither result nor error`);
    return response.result;
  }

  /** Sends a text frame as is. */
  sendRaw(text) {
    this.ws.send(text);
  }

  /** The next message that was not a matched response nor a notification. */
  async nextRaw(timeoutMs = DEFAULT_TIMEOUT_MS) {
    const deadline = Date.now() + timeoutMs;
    while (this.raw.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no message within ${timeoutMs} ms`);
      await withTimeout(this.changed(), left, 'a message').catch(() => {});
    }
    return this.raw.shift();
  }

  /** Waits for a notification named `method` (optionally matching `predicate`), consuming it. */
  async waitForNotification(method, { predicate = () => true, timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = this.notifications.findIndex((n) => n.method === method && predicate(n.params));
      if (i >= 0) return this.notifications.splice(i, 1)[0];
      const left = deadline - Date.now();
      if (left <= 0) {
        const seen = this.notifications.map((n) => n.method).join(', ') || 'none';
        throw new Error(`no ${method} notification within ${timeoutMs} ms (seen: ${seen})`);
      }
      await withTimeout(this.changed(), left, method).catch(() => {});
    }
  }

  /** Closes normally and waits for the close handshake to finish. */
  async close() {
    if (this.ws.readyState === WebSocket.CLOSED) return this.closeInfo;
    if (this.ws.readyState !== WebSocket.CLOSING) this.ws.close(1000);
    const info = await withTimeout(this.closed, DEFAULT_TIMEOUT_MS, 'the close handshake')
      .catch(() => { this.ws.terminate(); return this.closed; });
    return info;
  }
}

/** Opens a session with {origin} and/or {token} and calls system.hello, so that it is fully usable. */
export async function openSession(daemon, credentials) {
  const session = await RpcSession.connect(daemon.wsUrl, credentials);
  await session.call('system.hello', { client: 'onestop-node-tests', apiVersions: ['1.0'] });
  return session;
}

/**
 * Attempts a WebSocket upgrade with exactly the given headers (nothing implied but the
 * upgrade headers themselves). Resolves with {upgraded, status, headers, body}.
 * `host` overrides the Host header; `origin`/`authorization` are sent only when given.
 */
export function rawUpgrade(port, { path = '/v1', host, origin, authorization, timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
  const headers = {
    Connection: 'Upgrade',
    Upgrade: 'websocket',
    'Sec-WebSocket-Version': '13',
    'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
  };
  // host: undefined → the right one; null → no Host header at all; a string → sent as is.
  if (host !== null) headers.Host = host ?? `127.0.0.1:${port}`;
  if (origin !== undefined) headers.Origin = origin;
  if (authorization !== undefined) headers.Authorization = authorization;
  return withTimeout(new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1', port, path, method: 'GET', headers, agent: false, setHost: false,
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ upgraded: true, status: res.statusCode, headers: res.headers, body: '' });
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ upgraded: false, status: res.statusCode, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  }), timeoutMs, `the reply to an upgrade request (Host ${headers.Host}, Origin ${origin})`);
}

/** A plain HTTP GET with the given headers; resolves with {status, headers, body}. */
export function httpGet(port, path, { headers = {}, timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
  return withTimeout(new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'GET', headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  }), timeoutMs, `GET ${path}`);
}

/** Retries `fn` until it resolves or `timeoutMs` passes (for slots freed asynchronously). */
export async function eventually(fn, { timeoutMs = 5000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      return await fn();
    } catch (err) {
      lastError = err;
      await sleep(intervalMs);
    }
  }
  throw lastError ?? new Error('eventually: timed out');
}

/** Asserts the shape of a typed application error (code 1000–1099, data.reason, vi/en). */
export function typedErrorProblems(error) {
  const problems = [];
  if (!Number.isInteger(error?.code) || error.code < 1000 || error.code > 1099) {
    problems.push(`code ${error?.code} is not in 1000..1099`);
  }
  const d = error?.data;
  if (!d || typeof d !== 'object') return [...problems, 'no data object'];
  if (typeof d.reason !== 'string' || !/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(d.reason)) {
    problems.push(`data.reason ${JSON.stringify(d.reason)} is not UPPER_SNAKE`);
  }
  if (typeof d.retriable !== 'boolean') problems.push('data.retriable is not a boolean');
  if (typeof d.message?.vi !== 'string' || !d.message.vi) problems.push('data.message.vi missing');
  if (typeof d.message?.en !== 'string' || !d.message.en) problems.push('data.message.en missing');
  return problems;
}
