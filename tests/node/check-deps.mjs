// ctest fixture: the Node test dependencies are installed, at the pinned versions. Fails with the
// fix to apply rather than letting every test file fail on an import.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const { devDependencies } = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
const problems = [];
for (const [name, wanted] of Object.entries(devDependencies)) {
  const manifest = join(here, 'node_modules', name, 'package.json');
  if (!existsSync(manifest)) {
    problems.push(`${name} is not installed`);
    continue;
  }
  const { version } = JSON.parse(readFileSync(manifest, 'utf8'));
  if (version !== wanted) problems.push(`${name} is ${version}, package.json pins ${wanted}`);
}
const [major] = process.versions.node.split('.').map(Number);
if (major < 18) problems.push(`node ${process.versions.node} is too old (18 or newer needed)`);
if (problems.length) {
  console.error(`tests/node dependencies are not ready:\n  ${problems.join('\n  ')}\n` +
                `Fix: scripts/setup (or: cd tests/node && npm ci)`);
  process.exit(1);
}
console.log(`tests/node dependencies OK (node ${process.versions.node})`);
