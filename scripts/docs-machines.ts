// `npx tsx scripts/docs-machines.ts`: rewrites the generated state-machine blocks of
// docs/state-machines.md from the machines in lib/ (lib/docs-machines.ts renders them).
// Run it from the repository root, like the other scripts. `--check` writes nothing and exits 1
// when the file is out of date, as the unit test does.
import fs from 'node:fs';
import path from 'node:path';
import { updateMachineDocs } from '../lib/docs-machines';

const file = path.join(process.cwd(), 'docs', 'state-machines.md');
const check = process.argv.includes('--check');

const before = fs.readFileSync(file, 'utf8');
const { text, appended, unknown } = updateMachineDocs(before);

if (unknown.length) {
  console.error(`[docs-machines] docs/state-machines.md has sections for machines that no longer exist: ${unknown.join(', ')}. Remove or rename them.`);
  process.exit(1);
}
if (text === before) {
  console.log('[docs-machines] docs/state-machines.md is up to date.');
} else if (check) {
  console.error('[docs-machines] docs/state-machines.md is out of date: run `npx tsx scripts/docs-machines.ts`.');
  process.exit(1);
} else {
  fs.writeFileSync(file, text);
  console.log(
    `[docs-machines] docs/state-machines.md updated.${appended.length ? ` New sections at the end, to describe and move: ${appended.join(', ')}.` : ''}`,
  );
}
