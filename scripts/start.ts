// `npm start`: build when the build is missing or older than the sources, then run the app server
// (scripts/server.ts: Next behind node:http, which takes the client address from the socket).
// In production the server runs with a V8 heap limit (scripts/heap-limit.ts: SERVER_HEAP_MB, 320):
// without one in NODE_OPTIONS, this process starts a child that has it and passes signals on.
// The server migrates the database and loads the demo data into an empty one on start
// (instrumentation.ts), so this is all a fresh machine needs. `--dev` runs Next's dev server instead.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { resolveAppEnv } from './env';
import { heapLimitedEnv } from './heap-limit';
import { runServer } from './server';

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

function buildIsStale(distDir: string): boolean {
  const buildId = path.join(root, distDir, 'BUILD_ID');
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
// One process: the server runs here, with the resolved environment.
Object.assign(process.env, env, { NEXT_TELEMETRY_DISABLED: '1' });

if (!dev && buildIsStale(env.NEXT_DIST_DIR || '.next')) {
  console.log('[start] building the app (next build)…');
  const r = spawnSync(path.join(root, 'node_modules', '.bin', 'next'), ['build'], { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const limited = dev ? null : heapLimitedEnv();
if (limited) {
  // The same command again, with the limit (V8 sets it at start); the child finds the build fresh.
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: limited });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  console.log(`[start] ${env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite at ${env.PGLITE_DIR}`}; http://localhost:${env.PORT}`);
  runServer({ dev, port: Number(env.PORT) }).catch((e: unknown) => {
    console.error('[start] the server failed to start', e);
    process.exit(1);
  });
}
