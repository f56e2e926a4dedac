// A web app's server re-checking a card read made at a counter PC (design.md §3), with no
// dependency beyond Node itself:
//   GET  /challenge  issues a fresh nonce, kept in this browser session (a cookie)
//   POST /verify     receives the evidence bundle the page got from card.read, and runs
//                    `onestop-verify --json --challenge <the session's nonce> --origin <ours>`
// The nonce is used once: a bundle cannot be replayed into another session or a later one.
//
//   ONESTOP_VERIFY=/path/to/onestop-verify ONESTOP_TRUST_DIR=/etc/onestop/trust \
//   PORT=8080 ORIGIN=https://app.example.vn node server.mjs
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

const SESSION_COOKIE = 'verifier_session';
const CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;
const MAX_BODY_BYTES = 2 * 1024 * 1024; // a bundle with a DG2 photo is ~40 KB

// Runs onestop-verify on one bundle; resolves {code, document, stderr}.
export function runVerifier({ verifyPath, trustDirs, challenge, origin, bundleText }) {
  return new Promise((resolve, reject) => {
    const args = ['--json', '--challenge', challenge, '--origin', origin];
    for (const dir of trustDirs) args.push('--trust', dir);
    args.push('-');
    const child = spawn(verifyPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (code) => {
      let document = null;
      if (code === 0 || code === 1) {
        try { document = JSON.parse(stdout); } catch { code = 2; }
      }
      resolve({ code, document, stderr: stderr.trim() });
    });
    child.stdin.end(bundleText);
  });
}

function sessionOf(request) {
  const cookies = request.headers.cookie ?? '';
  for (const part of cookies.split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === SESSION_COOKIE && value) return value;
  }
  return null;
}

function send(response, status, body, headers = {}) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        request.destroy();
      } else {
        chunks.push(chunk);
      }
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

// options: {verifyPath, trustDirs: [...], origin}. Returns an http.Server (not listening).
export function createVerifierServer({ verifyPath, trustDirs, origin }) {
  // session id -> {challenge, issuedAt}; a real app keeps this in its own session store.
  const challenges = new Map();

  return http.createServer(async (request, response) => {
    try {
      if (request.method === 'GET' && request.url === '/challenge') {
        const session = sessionOf(request) ?? crypto.randomBytes(18).toString('base64url');
        const challenge = crypto.randomBytes(24).toString('base64url'); // 32 chars, 192 bits
        challenges.set(session, { challenge, issuedAt: Date.now() });
        // The page passes {challenge, origin} to card.read; onestopd has the chip sign
        // SHA-256(challenge ‖ origin) with its Active Authentication key.
        send(response, 200, { challenge, origin }, {
          'set-cookie': `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`,
        });
        return;
      }
      if (request.method === 'POST' && request.url === '/verify') {
        const session = sessionOf(request);
        const issued = session ? challenges.get(session) : undefined;
        if (!issued || Date.now() - issued.issuedAt > CHALLENGE_LIFETIME_MS) {
          send(response, 401, { error: 'no fresh challenge in this session: GET /challenge first' });
          return;
        }
        challenges.delete(session); // one bundle per challenge: no replay
        const bundleText = await readBody(request);
        const result = await runVerifier({
          verifyPath, trustDirs, challenge: issued.challenge, origin, bundleText,
        });
        if (result.code === 2) {
          send(response, 400, { error: result.stderr || 'the evidence bundle is malformed' });
          return;
        }
        const { accepted, verdict, person } = result.document;
        // Only an accepted read's personal data goes on into the application.
        send(response, 200, { accepted, verdict, person: accepted ? person : null });
        return;
      }
      send(response, 404, { error: 'not found' });
    } catch (error) {
      send(response, 500, { error: String(error.message ?? error) });
    }
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const verifyPath = process.env.ONESTOP_VERIFY ?? 'onestop-verify';
  const trustDirs = (process.env.ONESTOP_TRUST_DIR ?? '/etc/onestop/trust').split(':');
  const port = Number(process.env.PORT ?? 8080);
  const origin = process.env.ORIGIN ?? `http://localhost:${port}`;
  createVerifierServer({ verifyPath, trustDirs, origin }).listen(port, '127.0.0.1', () => {
    console.log(`evidence verifier on http://127.0.0.1:${port} (origin ${origin})`);
  });
}
