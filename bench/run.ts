// `npm run bench -- <name>`: runs bench/<name>.ts. Benchmarks print their figures; none asserts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// `npm run bench -- --tier S|M|L [options]` is the app bench (bench/app.ts).
const args = process.argv.slice(2);
if (args[0]?.startsWith('--tier')) args.unshift('app');
const name = args[0];
const available = fs
  .readdirSync(__dirname)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .map((f) => f.replace(/\.ts$/, ''));
if (!name || !available.includes(name)) {
  console.log(`usage: npm run bench -- <${available.join('|')}> | npm run bench -- --tier S|M|L`);
  process.exit(name ? 1 : 0);
}
const r = spawnSync(path.join(process.cwd(), 'node_modules', '.bin', 'tsx'), [path.join(__dirname, `${name}.ts`), ...args.slice(1)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
