// `npm run drill -- <name>|all|ci [--skip-build] [--dist-dir DIR]`: the fault drills (issue 11).
// Each drill starts what it needs (a throwaway PostgreSQL 15, app instances on the production
// build as `npm start` serves it, nginx where two instances are needed), drives real requests,
// injects its fault, checks the database, stops everything it started, and prints PASS or FAIL per
// check. Exit 1 on any FAIL. `ci` runs the drills CI runs on every submission.
//   --skip-build       use the build already in --dist-dir (as the test script's drill stage does)
//   --dist-dir DIR     build folder (default .next-drill)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { checks, runDrill, stopOnSignals, type Drill } from './harness';
import { pgRestart } from './pg-restart';
import { twoInstances } from './two-instances';
import { backupRestore } from './backup-restore';
import { sigterm } from './sigterm';
import { pgKill } from './pg-kill';
import { slowDb } from './slow-db';
import { readOnly } from './read-only';
import { migrateUnderLoad } from './migrate-under-load';
import { replica } from './replica';

const DRILLS: Drill[] = [pgRestart, pgKill, twoInstances, sigterm, slowDb, readOnly, migrateUnderLoad, backupRestore, replica];
const CI = ['pg-restart', 'two-instances', 'backup-restore'];

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
};
const root = process.cwd();
const distDir = opt('dist-dir') ?? '.next-drill';
const names = argv.filter((a, i) => !a.startsWith('--') && !(i > 0 && argv[i - 1] === '--dist-dir'));

function usage(): never {
  console.error(`usage: npm run drill -- <name>|all|ci [--skip-build] [--dist-dir DIR]\ndrills: ${DRILLS.map((d) => `${d.name} (${d.title})`).join(', ')}`);
  process.exit(2);
}

/** `next build` into distDir; next adds the folder's types to tsconfig.json, taken out again. */
function build() {
  const file = path.join(root, 'tsconfig.json');
  const before = fs.readFileSync(file, 'utf8');
  console.log(`[drill] next build (NEXT_DIST_DIR=${distDir})…`);
  const r = spawnSync(path.join(root, 'node_modules', '.bin', 'next'), ['build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (fs.readFileSync(file, 'utf8') !== before) fs.writeFileSync(file, before);
  if (r.status !== 0) throw new Error('next build failed');
}

async function main() {
  if (!names.length) usage();
  const picked = names.includes('all')
    ? DRILLS
    : names.includes('ci')
      ? DRILLS.filter((d) => CI.includes(d.name))
      : names.map((n) => DRILLS.find((d) => d.name === n) ?? usage());
  if (names.includes('ci')) process.env.DRILL_SET = 'ci';
  stopOnSignals();
  if (!argv.includes('--skip-build')) build();
  if (!fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) throw new Error(`no production build in ${distDir} (drop --skip-build)`);
  const t0 = Date.now();
  for (const d of picked) await runDrill(d, distDir);
  const failed = checks.filter((c) => !c.ok);
  console.log(`\n━━ drills: ${checks.length - failed.length} checks passed, ${failed.length} failed, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  for (const c of failed) console.log(`FAIL  ${c.drill}: ${c.name}`);
  process.exit(failed.length ? 1 : 0);
}

main().catch((e) => {
  console.error('[drill]', e);
  process.exit(1);
});
