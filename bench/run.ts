// `npm run bench -- <name>`: runs bench/<name>.ts. Benchmarks print their figures; none asserts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const name = process.argv[2];
const available = fs.readdirSync(__dirname).filter((f) => f.endsWith('.ts') && f !== 'run.ts').map((f) => f.replace(/\.ts$/, ''));
if (!name || !available.includes(name)) {
  console.log(`usage: npm run bench -- <${available.join('|')}>`);
  process.exit(name ? 1 : 0);
}
const r = spawnSync(path.join(process.cwd(), 'node_modules', '.bin', 'tsx'), [path.join(__dirname, `${name}.ts`), ...process.argv.slice(3)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
