// The example server end to end: a real onestop-verify (env ONESTOP_VERIFY) and evidence bundles
// built from the generated test cards (env ONESTOP_TEST_CARDS), whose Active Authentication
// answer is made here with the card's own AA key, as the chip would for the issued challenge.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { createVerifierServer } from './server.mjs';

const verifyPath = process.env.ONESTOP_VERIFY;
const cardsDir = process.env.ONESTOP_TEST_CARDS;
assert.ok(verifyPath && fs.existsSync(verifyPath), 'set ONESTOP_VERIFY to the onestop-verify binary');
assert.ok(cardsDir && fs.existsSync(path.join(cardsDir, 'cards.json')),
  'set ONESTOP_TEST_CARDS to the generated test cards (<build>/testcards)');

const ORIGIN = 'https://dichvucong.example.vn';
let server;
let base;

// What card.read returns as "evidence" for `card`, bound to challenge and origin.
function evidenceFor(card, challenge, origin, { sign = true } = {}) {
  const dir = path.join(cardsDir, card);
  const dataGroups = {};
  for (let n = 1; n <= 16; n += 1) {
    const file = path.join(dir, `EF.DG${n}.bin`);
    if (fs.existsSync(file)) dataGroups[n] = fs.readFileSync(file).toString('base64');
  }
  const bundle = {
    format: 'onestop-evidence/1',
    readAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    challenge,
    origin,
    authentication: 'BAC',
    sod: fs.readFileSync(path.join(dir, 'EF.SOD.bin')).toString('base64'),
    dataGroups,
    chipAuthentication: { result: 'passed', transferable: false },
  };
  if (sign) {
    const aaChallenge = crypto.createHash('sha256').update(challenge + origin, 'utf8').digest()
      .subarray(0, 8);
    const key = crypto.createPrivateKey(fs.readFileSync(path.join(dir, 'active-auth-key.pem')));
    const signature = crypto.sign('sha256', aaChallenge, { key, dsaEncoding: 'ieee-p1363' });
    bundle.activeAuthentication = {
      challenge: aaChallenge.toString('hex').toUpperCase(),
      signature: signature.toString('base64'),
    };
  }
  return bundle;
}

async function newSession() {
  const reply = await fetch(`${base}/challenge`);
  assert.equal(reply.status, 200);
  const cookie = reply.headers.get('set-cookie').split(';')[0];
  const { challenge, origin } = await reply.json();
  assert.match(challenge, /^[A-Za-z0-9_-]{32}$/);
  assert.equal(origin, ORIGIN);
  return { cookie, challenge };
}

async function postEvidence(cookie, body) {
  const reply = await fetch(`${base}/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: reply.status, body: await reply.json() };
}

before(async () => {
  server = createVerifierServer({
    verifyPath, trustDirs: [path.join(cardsDir, 'trust')], origin: ORIGIN,
  });
  await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  base = `http://127.0.0.1:${server.address().port}`;
});

after(() => new Promise((resolve) => { server.close(resolve); }));

test('a read bound to this session\'s challenge is accepted, with the person', async () => {
  for (const card of ['ngoc-2021-noexpiry', 'an-2021']) {
    const { cookie, challenge } = await newSession();
    // As the page posts it: the whole card.read result, evidence inside.
    const { status, body } = await postEvidence(cookie, {
      readId: 'r-1', evidence: evidenceFor(card, challenge, ORIGIN),
    });
    assert.equal(status, 200, card);
    assert.equal(body.accepted, true, `${card}: ${JSON.stringify(body.verdict?.failures)}`);
    assert.equal(body.verdict.bound, true);
    assert.deepEqual(body.verdict.failures, []);
    assert.match(body.person.idNumber, /^\d{12}$/);
  }
});

test('the challenge is single use: the same bundle cannot be replayed', async () => {
  const { cookie, challenge } = await newSession();
  const bundle = evidenceFor('ngoc-2021-noexpiry', challenge, ORIGIN);
  assert.equal((await postEvidence(cookie, bundle)).body.accepted, true);
  assert.equal((await postEvidence(cookie, bundle)).status, 401);
  // A fresh challenge in the same session does not revive the old bundle either.
  await fetch(`${base}/challenge`, { headers: { cookie } });
  const replay = await postEvidence(cookie, bundle);
  assert.equal(replay.status, 200);
  assert.equal(replay.body.accepted, false);
  assert.ok(replay.body.verdict.failures.includes('CHALLENGE_MISMATCH'));
  assert.equal(replay.body.person, null);
});

test('a bundle made for another origin is refused', async () => {
  const { cookie, challenge } = await newSession();
  const { body } = await postEvidence(cookie,
    evidenceFor('ngoc-2021-noexpiry', challenge, 'https://attacker.example'));
  assert.equal(body.accepted, false);
  assert.ok(body.verdict.failures.includes('ORIGIN_MISMATCH'));
});

test('tampered data and untrusted signers are refused', async () => {
  for (const [card, reason] of [['tampered-dg13', 'HASH_MISMATCH'], ['wrong-ds', 'CHAIN_UNTRUSTED'],
    ['revoked-ds', 'DS_REVOKED']]) {
    const { cookie, challenge } = await newSession();
    const { status, body } = await postEvidence(cookie, evidenceFor(card, challenge, ORIGIN));
    assert.equal(status, 200);
    assert.equal(body.accepted, false, card);
    assert.ok(body.verdict.failures.includes(reason), `${card}: ${body.verdict.failures}`);
    assert.equal(body.person, null);
  }
});

test('a read without Active Authentication is not bound', async () => {
  const { cookie, challenge } = await newSession();
  const { body } = await postEvidence(cookie,
    evidenceFor('ngoc-2021-noexpiry', challenge, ORIGIN, { sign: false }));
  assert.equal(body.accepted, false);
  assert.equal(body.verdict.bound, false);
});

test('malformed input is a 400 with the verifier\'s reason; no session is a 401', async () => {
  let session = await newSession();
  let reply = await postEvidence(session.cookie, '{not json');
  assert.equal(reply.status, 400);
  assert.match(reply.body.error, /not valid JSON/);

  session = await newSession();
  const bundle = evidenceFor('ngoc-2021-noexpiry', session.challenge, ORIGIN);
  bundle.dataGroups['17'] = 'AAAA';
  reply = await postEvidence(session.cookie, bundle);
  assert.equal(reply.status, 400);
  assert.match(reply.body.error, /evidence\.dataGroups/);

  reply = await postEvidence(null, evidenceFor('an-2021', 'x'.repeat(24), ORIGIN));
  assert.equal(reply.status, 401);
});
