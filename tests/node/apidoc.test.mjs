// docs/api.md's reference section must be what scripts/gen-api-doc.mjs renders from the live
// daemon's rpc.discover: the documentation cannot drift from the code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

import { startDaemon } from './daemon.mjs';
import { openSession } from './rpc.mjs';
import { render, splice } from '../../scripts/gen-api-doc.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('docs/api.md matches the OpenRPC document of the running daemon', async () => {
  const daemon = await startDaemon();
  try {
    const session = await openSession(daemon, { token: daemon.token });
    const doc = await session.call('rpc.discover', {});
    session.ws.close();
    const path = join(root, 'docs', 'api.md');
    const current = readFileSync(path, 'utf8');
    const expected = splice(current, render(doc));
    assert.equal(current, expected,
      'docs/api.md is stale: build/stage/bin/onestopctl discover | node scripts/gen-api-doc.mjs --write docs/api.md');
    for (const m of doc.methods) assert.ok(current.includes(`### \`${m.name}\``), m.name);
  } finally {
    await daemon.stop();
  }
});
