// JSON-RPC 2.0 client over the daemon's WebSocket, with automatic reconnection.
//
// Events (EventTarget):
//   'state'        detail {state: 'connecting'|'open'|'closed', attempt, retryInMs, hello}
//   'notification' detail {method, params}   (daemon events such as card.inserted)
// After every (re)connect the client calls system.hello and re-subscribes to every topic that
// was asked for through subscribe(), so feature modules need not track reconnects themselves.
// Nothing here logs message contents: results may carry citizen data.

export const API_VERSIONS = ['1.0'];

/** A JSON-RPC error response. `data` follows the daemon's error model ({reason, retriable, message: {vi, en}, details}). */
export class RpcError extends Error {
  constructor(error) {
    super(error?.message ?? 'JSON-RPC error');
    this.name = 'RpcError';
    this.code = error?.code;
    this.data = error?.data;
  }
}

/** The call could not be made or answered because the connection is down. */
export class ConnectionError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ConnectionError';
  }
}

/** Reconnect delay: exponential from minMs up to maxMs, with ±25 % jitter so counters don't stampede. */
export function backoffDelay(attempt, minMs = 500, maxMs = 15000, random = Math.random) {
  const base = Math.min(maxMs, minMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

export class RpcClient extends EventTarget {
  /**
   * @param {string} url        ws://host:port/v1
   * @param {object} options    {client, callTimeoutMs, minDelayMs, maxDelayMs, WebSocketImpl}
   */
  constructor(url, options = {}) {
    super();
    this.url = url;
    this.clientName = options.client ?? 'onestop-console';
    this.callTimeoutMs = options.callTimeoutMs ?? 20000;
    this.minDelayMs = options.minDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 15000;
    this.WebSocketImpl = options.WebSocketImpl ?? globalThis.WebSocket;
    this.ws = null;
    this.state = 'closed';
    this.hello = null;
    this.attempt = 0;
    this.nextId = 1;
    this.pending = new Map();
    this.topics = new Set();
    this.retryTimer = null;
    this.stopped = true;
  }

  /** Starts connecting (and keeps reconnecting until stop()). */
  start() {
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.ws) this.ws.close(1000);
  }

  /** Skips the remaining backoff and tries now. */
  retryNow() {
    if (this.stopped || this.state !== 'closed') return;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.connect();
  }

  get isOpen() {
    return this.state === 'open';
  }

  setState(state, extra = {}) {
    this.state = state;
    this.dispatchEvent(new CustomEvent('state', {
      detail: { state, attempt: this.attempt, hello: this.hello, ...extra },
    }));
  }

  connect() {
    this.attempt += 1;
    this.lastError = null;
    this.setState('connecting');
    let ws;
    try {
      ws = new this.WebSocketImpl(this.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;
    ws.addEventListener('open', () => this.handleOpen(ws));
    ws.addEventListener('message', (ev) => this.handleMessage(ev.data));
    ws.addEventListener('close', () => this.handleClose(ws));
    // 'error' is always followed by 'close'; nothing to do here.
  }

  async handleOpen(ws) {
    // Talk to the socket directly until hello has succeeded: the client is not 'open' yet.
    try {
      this.hello = await this.send(ws, 'system.hello', { client: this.clientName, apiVersions: API_VERSIONS });
      if (this.topics.size > 0) await this.send(ws, 'events.subscribe', { topics: [...this.topics] });
    } catch (err) {
      // An incompatible daemon: keep the reason visible and do not hammer it.
      this.lastError = err;
      ws.close(1000);
      return;
    }
    if (ws !== this.ws) return;
    this.attempt = 0;
    this.setState('open');
  }

  handleMessage(data) {
    let msg;
    try {
      msg = JSON.parse(data);
    } catch {
      return; // not ours to interpret; never echo the payload
    }
    for (const m of Array.isArray(msg) ? msg : [msg]) {
      if (m && typeof m.method === 'string' && !('id' in m)) {
        this.dispatchEvent(new CustomEvent('notification', { detail: { method: m.method, params: m.params ?? {} } }));
      } else if (m && this.pending.has(m.id)) {
        const { resolve, reject, timer } = this.pending.get(m.id);
        this.pending.delete(m.id);
        clearTimeout(timer);
        if ('error' in m) reject(new RpcError(m.error));
        else resolve(m.result);
      }
    }
  }

  handleClose(ws) {
    if (ws !== this.ws) return;
    this.ws = null;
    this.hello = null;
    for (const { reject, timer } of this.pending.values()) {
      clearTimeout(timer);
      reject(new ConnectionError('connection closed'));
    }
    this.pending.clear();
    if (this.stopped) {
      this.setState('closed', { retryInMs: null });
      return;
    }
    this.scheduleReconnect();
  }

  scheduleReconnect() {
    const delay = backoffDelay(this.attempt, this.minDelayMs, this.maxDelayMs);
    this.setState('closed', { retryInMs: delay, retryAt: Date.now() + delay, error: this.lastError ?? null });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) this.connect();
    }, delay);
  }

  send(ws, method, params, timeoutMs = this.callTimeoutMs) {
    return new Promise((resolve, reject) => {
      if (!ws || ws.readyState !== 1) {
        reject(new ConnectionError('not connected'));
        return;
      }
      const id = this.nextId++;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new ConnectionError(`no reply to ${method}`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    });
  }

  /**
   * Calls a method; resolves with the result, rejects with RpcError or ConnectionError.
   * `timeoutMs` overrides the default wait for long calls such as card.read.
   */
  call(method, params = {}, { timeoutMs } = {}) {
    if (!this.isOpen) return Promise.reject(new ConnectionError('not connected'));
    return this.send(this.ws, method, params, timeoutMs ?? this.callTimeoutMs);
  }

  /** Subscribes now (if connected) and after every reconnect. */
  async subscribe(topics) {
    for (const t of topics) this.topics.add(t);
    if (this.isOpen) await this.call('events.subscribe', { topics });
  }

  /** Shortcut: listen to daemon notifications named `method`, or a family like 'card.*'. */
  onNotification(pattern, handler) {
    const matches = pattern.endsWith('.*')
      ? (m) => m.startsWith(pattern.slice(0, -1))
      : (m) => m === pattern;
    this.addEventListener('notification', (ev) => {
      if (matches(ev.detail.method)) handler(ev.detail.method, ev.detail.params);
    });
  }

  /** Shortcut: run `handler(hello)` each time the connection becomes usable. */
  whenOpen(handler) {
    this.addEventListener('state', (ev) => {
      if (ev.detail.state === 'open') handler(ev.detail.hello);
    });
  }
}
