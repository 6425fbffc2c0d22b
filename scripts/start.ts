// `npm start`: build when the build is missing or older than the sources, then `next start`.
// The server migrates the database and loads the demo data into an empty one on start
// (instrumentation.ts), so this is all a fresh machine needs.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { resolveAppEnv } from './env';

const root = process.cwd();
const dev = process.argv.includes('--dev');

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const name of fs.readdirSync(p)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    max = Math.max(max, newestMtime(path.join(p, name)));
  }
  return max;
}

function buildIsStale(): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const sources = ['app', 'components', 'lib', 'db', 'proxy.ts', 'instrumentation.ts', 'next.config.js', 'package-lock.json', 'postcss.config.mjs'];
  return sources.some((s) => newestMtime(path.join(root, s)) > built);
}

let env: NodeJS.ProcessEnv;
try {
  env = resolveAppEnv();
} catch (e) {
  console.error(`[start] ${(e as Error).message}`);
  process.exit(1);
}
const next = path.join(root, 'node_modules', '.bin', 'next');

if (!dev && buildIsStale()) {
  console.log('[start] building the app (next build)…');
  const r = spawnSync(next, ['build'], { stdio: 'inherit', env: { ...env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

console.log(`[start] ${env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite at ${env.PGLITE_DIR}`}; http://localhost:${env.PORT}`);
const child = spawn(next, [dev ? 'dev' : 'start', '-p', String(env.PORT)], { stdio: 'inherit', env: { ...env, NEXT_TELEMETRY_DISABLED: '1' } });
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
