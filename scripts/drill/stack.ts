// What a drill starts: a throwaway PostgreSQL 15 (scripts/pg-server.ts) with the demo data, app
// instances served the way `npm start` serves them (scripts/server.ts on the production build),
// and nginx as the load balancer in front of two of them. Each is stopped by the drill's harness.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { freePort, startProcess, waitForHttp, type Started } from '../../bench/lib/proc';
import { startPgServer, type PgServerOptions } from '../pg-server';
import type { DrillContext } from './harness';

const execFileP = promisify(execFile);
const root = process.cwd();
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
export const PASSWORD = 'kerongtong-demo';

export interface DrillPg {
  /** The app's database (krt). */
  url: string;
  port: number;
  dir: string;
  /** A small connection for the drill's own checks (application_name drill). */
  sql: postgres.Sql;
  /** pg_ctl on this cluster, as the postgres user (e.g. ['restart', '-m', 'fast']). */
  ctl(args: string[]): Promise<void>;
  /** The postmaster's pid. */
  pid(): number;
}

function asPostgres(cmd: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
}

/** A throwaway PostgreSQL 15 with a database `krt`, migrated, with the demo data (and a scale tier). */
export async function startDrillPg(ctx: DrillContext, o: PgServerOptions & { tier?: string; seed?: boolean } = {}): Promise<DrillPg> {
  // Durable, as in production: the test defaults (fsync and synchronous_commit off) would let a
  // crash lose commits the app had already acknowledged, which is the server's setting, not the app.
  const durable = ['fsync=on', 'synchronous_commit=on', 'full_page_writes=on'];
  const server = await startPgServer({ prefix: 'krt-drill-pg-', ...o, settings: (dir) => [...durable, ...(o.settings?.(dir) ?? [])] });
  ctx.defer(() => server.stop());
  const boot = postgres(server.url, { max: 1, onnotice: () => {} });
  await boot.unsafe('create database krt');
  await boot.end();
  const url = `postgres://postgres@127.0.0.1:${server.port}/krt`;
  const data = path.join(server.dir, 'data');
  const log = path.join(server.dir, 'server.log');
  if (o.seed !== false) {
    await runStep(ctx, 'seed', [path.join(root, 'node_modules', '.bin', 'tsx'), 'scripts/seed.ts'], { DATABASE_URL: url }, 5 * 60_000);
    if (o.tier) await runStep(ctx, `tier ${o.tier}`, ['npm', 'run', '--silent', 'db:seed:scale', '--', '--tier', o.tier], { DATABASE_URL: url }, 10 * 60_000);
  }
  const sql = postgres(url, { max: 2, onnotice: () => {}, connection: { application_name: 'drill' } });
  ctx.defer(() => sql.end({ timeout: 1 }));
  return {
    url,
    port: server.port,
    dir: server.dir,
    sql,
    async ctl(args) {
      // -l: without a log file the server would inherit pg_ctl's stdout and keep it open.
      const [cmd, a] = asPostgres(path.join(PG_BIN, 'pg_ctl'), ['-D', data, '-l', log, '-w', '-t', '60', ...args]);
      await execFileP(cmd, a, { timeout: 90_000 });
    },
    pid: () => Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]),
  };
}

/** Runs a command to completion (seed, migrate, backup…); throws with its output on failure. */
export async function runStep(ctx: DrillContext, name: string, cmd: string[], env: Record<string, string>, timeoutMs = 5 * 60_000): Promise<string> {
  const t0 = Date.now();
  const p = startProcess(name, cmd[0], cmd.slice(1), {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    logFile: path.join(ctx.workDir, `${name.replace(/\W+/g, '-')}.log`),
  });
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([p.exited, new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)))]);
  clearTimeout(timer);
  if (code === 'timeout') {
    await p.stop();
    throw new Error(`${name} did not finish within ${timeoutMs / 1000} s:\n${p.tail()}`);
  }
  if (code !== 0) throw new Error(`${name} failed (exit ${code}):\n${p.tail()}`);
  ctx.log(`${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return p.tail();
}

/** The secrets every instance of one deployment shares. */
export function deploymentSecrets(): Record<string, string> {
  return {
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  };
}

export interface AppInstance {
  name: string;
  base: string;
  port: number;
  proc: Started;
  /** SIGTERM, then wait for its exit code. */
  terminate(): Promise<number | null>;
}

/** One app instance: scripts/server.ts (what `npm start` runs) on the production build. */
export async function startApp(
  ctx: DrillContext,
  o: { name: string; databaseUrl: string; secrets: Record<string, string>; publicUrl?: string; env?: Record<string, string> },
): Promise<AppInstance> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    NEXT_DIST_DIR: ctx.distDir,
    DATABASE_URL: o.databaseUrl,
    NEXTAUTH_URL: o.publicUrl ?? base,
    PORT: String(port),
    SEED_DEMO: 'false',
    ...o.secrets,
    ...o.env,
  };
  delete env.PGLITE_DIR;
  const proc = startProcess(o.name, path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/server.ts'], {
    cwd: root,
    env,
    logFile: path.join(ctx.workDir, `${o.name}.log`),
  });
  ctx.defer(() => proc.stop());
  await waitForHttp(`${base}/api/health/ready`, 180_000, proc);
  ctx.log(`${o.name} on ${base} (pid ${proc.pid})`);
  return {
    name: o.name,
    base,
    port,
    proc,
    async terminate() {
      // The server itself, not its tsx launcher: tsx forwards the signal, but the exit code is the server's.
      process.kill(proc.pid, 'SIGTERM');
      return proc.exited;
    },
  };
}

export interface Nginx {
  base: string;
  accessLog: string;
}

/** nginx from Debian in front of the instances, with a generated config in the drill's folder. */
export async function startNginx(ctx: DrillContext, upstreams: AppInstance[]): Promise<Nginx> {
  const bin = fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
  const dir = path.join(ctx.workDir, 'nginx');
  fs.mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const accessLog = path.join(dir, 'access.log');
  const conf = `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
${process.getuid?.() === 0 ? 'user root;' : ''}
events { worker_connections 1024; }
http {
  log_format drill '$remote_addr "$request" $status $upstream_addr $request_time';
  access_log ${accessLog} drill;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream app {
${upstreams.map((u) => `    server 127.0.0.1:${u.port} max_fails=1 fail_timeout=5s;`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 60s;
      # A refused connection (an instance that stopped) goes to the next one, POSTs included: nothing was sent.
      proxy_next_upstream error timeout;
    }
  }
}
`;
  fs.writeFileSync(path.join(dir, 'nginx.conf'), conf);
  const proc = startProcess('nginx', bin, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], {
    cwd: dir,
    logFile: path.join(dir, 'stdout.log'),
  });
  ctx.defer(() => proc.stop());
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/api/health/live`, 20_000, proc);
  ctx.log(`nginx on ${base} → ${upstreams.map((u) => u.name).join(', ')}`);
  return { base, accessLog };
}

export interface TwoInstances {
  /** Runs the periodic jobs. */
  a: AppInstance;
  /** JOBS=off: the jobs run on A only, as in a deployment of several instances. */
  b: AppInstance;
  /** nginx in front of both. */
  lb: Nginx;
}

/**
 * One deployment of two instances on one database behind nginx: the same secrets, TRUST_PROXY_HOPS=1
 * (nginx is the one proxy in front), the jobs on A only. What the multi-instance drills run against.
 */
export async function twoInstancesBehindNginx(ctx: DrillContext, databaseUrl: string): Promise<TwoInstances> {
  const secrets = deploymentSecrets();
  const env = { TRUST_PROXY_HOPS: '1' };
  const [a, b] = await Promise.all([
    startApp(ctx, { name: 'app-a', databaseUrl, secrets, env }),
    startApp(ctx, { name: 'app-b', databaseUrl, secrets, env: { ...env, JOBS: 'off' } }),
  ]);
  return { a, b, lb: await startNginx(ctx, [a, b]) };
}
