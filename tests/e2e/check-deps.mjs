// ctest fixture: what the e2e test needs is here. Fails with the fix to apply rather than letting
// the test fail on an import or a browser launch. Never downloads a browser: the test drives
// Debian's Chromium (package chromium) through playwright-core.
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const chromium = process.env.ONESTOP_CHROMIUM || '/usr/bin/chromium';
const problems = [];

const { devDependencies } = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
for (const [name, wanted] of Object.entries(devDependencies)) {
  const manifest = join(here, 'node_modules', name, 'package.json');
  if (!existsSync(manifest)) {
    problems.push(`${name} is not installed in tests/e2e/node_modules (fix: scripts/setup, or cd tests/e2e && npm ci)`);
    continue;
  }
  const { version } = JSON.parse(readFileSync(manifest, 'utf8'));
  if (version !== wanted) problems.push(`${name} is ${version}, package.json pins ${wanted} (fix: cd tests/e2e && npm ci)`);
}
// The test reuses ../node's helpers, which import `ws` from tests/node/node_modules.
if (!existsSync(join(here, '..', 'node', 'node_modules', 'ws', 'package.json'))) {
  problems.push('ws is not installed in tests/node/node_modules (fix: scripts/setup, or cd tests/node && npm ci)');
}
try {
  accessSync(chromium, constants.X_OK);
} catch {
  problems.push(`${chromium} is missing or not executable (fix: scripts/setup, or apt-get install --no-install-recommends chromium)`);
}
const [major] = process.versions.node.split('.').map(Number);
if (major < 20) problems.push(`node ${process.versions.node} is too old (playwright-core needs 20 or newer)`);

if (problems.length) {
  console.error(`tests/e2e is not ready:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`tests/e2e dependencies OK (node ${process.versions.node}, browser ${chromium})`);
