// The app bench (issue 10): `npm run bench -- --tier S|M|L`.
// Builds for production (NEXT_DIST_DIR=.next-bench), starts a throwaway PostgreSQL 15 with
// pg_stat_statements, migrates and loads the demo data and the tier (npm run db:seed:scale), starts
// the app (scripts/server.ts, as `npm start` runs it) and the bare server (node:http + postgres.js),
// then for every endpoint:
// warms it up, captures its SQL (PostgreSQL's statement log, a few sequential requests, which also
// give the statements per request from pg_stat_statements), loads the app and then the bare server
// replaying the same SQL at a fixed concurrency, and samples the app's memory. Prints one markdown
// table, writes it to bench/results/<tier>-<date>.md, stops everything it started. Exit 0 when the
// table is printed, whatever the figures; 1 when it could not measure.
//   --tier S|M|L          data set and durations (S: CI smoke, a few minutes with the build)
//   --connections N       concurrent connections (default 8)
//   --duration S          seconds per app run (default per tier)
//   --smoke               shortest runs (1 s app, bare and ceiling, 4 captured requests): the CI stage,
//                         which must finish and print the table; its figures are rougher than a plain run's
//   --only a,b            only these endpoints (names in the table's first column)
//   --skip-build          use the build already in --dist-dir
//   --dist-dir DIR        build folder (default .next-bench)
//   --pg-url URL          reuse a PostgreSQL database already loaded with the tier (no initdb, no load;
//                         it needs pg_stat_statements preloaded and a csvlog collector); with
//   --pg-csv-log FILE     that server's CSV log (log_filename fixed, no rotation)
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { scriptFromRecords, StatementLog } from './lib/capture';
import { actionId, actionOk, actionRequest, send, signIn } from './lib/http';
import { runLoad, type LoadResult, type Req } from './lib/load';
import { startBenchPg, type BenchPg } from './lib/pg';
import { freePort, killAllStarted, RssSampler, startProcess, waitForHttp } from './lib/proc';
import { isWrite, type EndpointScripts, type Script, type VarSource } from './lib/script';
import { heapLimitedEnv } from '../scripts/heap-limit';
import { LOWEST_RATE_BP } from '../scripts/drill/workload';

// ---------------------------------------------------------------- options

const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
};
const flag = (name: string) => argv.includes(`--${name}`);

interface TierRun {
  /** Seconds per app run, per bare run, per ceiling run. */
  appS: number;
  bareS: number;
  ceilingS: number;
  /** Sequential warm-up requests, then captured requests (statements per request, the bare server's scripts). */
  warm: number;
  capture: number;
  /** URLs rotated over for the product and detail pages. */
  rotate: number;
  /** Needs the matching run rotates over (the enterprise it signs in as gets this many). */
  needs: number;
  /** Whole run, and the tier load alone. */
  timeoutMin: number;
  seedTimeoutMin: number;
}

const TIER_RUNS: Record<string, TierRun> = {
  S: { appS: 5, bareS: 3, ceilingS: 4, warm: 3, capture: 8, rotate: 200, needs: 1_100, timeoutMin: 25, seedTimeoutMin: 10 },
  M: { appS: 15, bareS: 8, ceilingS: 10, warm: 5, capture: 20, rotate: 1_000, needs: 1_100, timeoutMin: 180, seedTimeoutMin: 120 },
  L: { appS: 30, bareS: 10, ceilingS: 10, warm: 5, capture: 20, rotate: 1_000, needs: 1_100, timeoutMin: 720, seedTimeoutMin: 600 },
};

const tier = (opt('tier') ?? 'S').toUpperCase();
const run = TIER_RUNS[tier];
if (!run) {
  console.error(`unknown tier ${tier}: S, M or L`);
  process.exit(2);
}
if (flag('smoke')) Object.assign(run, { appS: 1, bareS: 1, ceilingS: 1, warm: 2, capture: 4 });
if (opt('duration')) run.appS = Number(opt('duration'));
const connections = Number(opt('connections') ?? 8);
const only = opt('only')?.split(',');
const root = process.cwd();
const distDir = opt('dist-dir') ?? '.next-bench';
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const PASSWORD = 'kerongtong-demo';
const log = (...a: unknown[]) => console.log('[bench]', ...a);
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'krt-bench-'));

/**
 * The app's error and fatal lines (with their stacks) copied beside the results, so an error a run
 * counted can be looked into after the run's folder is gone; the first few printed.
 */
function keepAppErrors(file: string) {
  const appLog = path.join(workDir, 'app.log');
  if (!fs.existsSync(appLog)) return;
  const lines = fs
    .readFileSync(appLog, 'utf8')
    .split('\n')
    .filter((l) => /"level":"(error|fatal)"/.test(l));
  if (!lines.length) return;
  fs.writeFileSync(file, lines.join('\n') + '\n');
  log(`the app logged ${lines.length} error line(s), kept in ${path.relative(root, file)}; the first:`);
  for (const l of lines.slice(0, 3)) console.error(`  ${l.slice(0, 2000)}`);
}

// ---------------------------------------------------------------- cleanup

const cleanups: (() => Promise<void> | void)[] = [];
let cleaning: Promise<void> | null = null;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const f of cleanups.reverse()) {
      try {
        await f();
      } catch (e) {
        console.error('[bench] cleanup:', (e as Error).message);
      }
    }
    killAllStarted();
    fs.rmSync(workDir, { recursive: true, force: true });
  })();
  return cleaning;
}
process.on('exit', () => killAllStarted());
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    console.error(`[bench] ${sig}: stopping what it started`);
    void cleanup().finally(() => process.exit(130));
  });
}
const watchdog = setTimeout(() => {
  console.error(`[bench] did not finish within ${run.timeoutMin} min: stopping`);
  void cleanup().finally(() => process.exit(1));
}, run.timeoutMin * 60_000);
watchdog.unref();

/** Runs a command to completion in its own process group; throws on failure or timeout. */
async function step(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  log(`${name}…`);
  const p = startProcess(name, cmd, args, { cwd: root, env, logFile: path.join(workDir, `${name}.log`) });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)));
  const code = await Promise.race([p.exited, timedOut]);
  clearTimeout(timer);
  if (code === 'timeout') {
    await p.stop();
    throw new Error(`${name} did not finish within ${timeoutMs / 60_000} min:\n${p.tail()}`);
  }
  if (code !== 0) throw new Error(`${name} failed (exit ${code}):\n${p.tail()}`);
  log(`${name}: done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

// ---------------------------------------------------------------- build

/** `next build` adds `<distDir>/types` to tsconfig.json's include; take our lines out again. */
function restoreTsconfig(before: string) {
  const file = path.join(root, 'tsconfig.json');
  const now = fs.readFileSync(file, 'utf8');
  if (now === before) return;
  const ours = [`"${distDir}/types/**/*.ts"`, `"${distDir}/dev/types/**/*.ts"`];
  const kept = now.split('\n').filter((l) => !ours.includes(l.trim().replace(/,$/, '')));
  // The line before a removed last entry may now end in a comma before `]`.
  const text = kept.join('\n').replace(/,(\s*\n\s*\])/g, '$1');
  fs.writeFileSync(file, text);
}

async function build(env: NodeJS.ProcessEnv) {
  const tsconfig = fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8');
  cleanups.push(() => restoreTsconfig(tsconfig)); // also when the run is stopped mid-build
  try {
    await step('build', bin('next'), ['build'], { ...env, NEXT_DIST_DIR: distDir }, 20 * 60_000);
  } finally {
    restoreTsconfig(tsconfig);
  }
}

// ---------------------------------------------------------------- endpoints

type Target = { ceiling?: number; p95?: number; tierOf?: string };

interface Endpoint {
  name: string;
  what: string;
  write?: boolean;
  target: Target;
  /** The next request (rotating), with the values that make it unique (for the bare server's scripts). */
  next: () => (Req & { vars?: Record<string, string> }) | null;
  verifyBody?: (body: string) => boolean;
  /** How the bare server fills those values per request. */
  bareVars?: Record<string, VarSource>;
  /** Run before the warm-up (preparing ids), after the earlier endpoints have run. */
  prepare?: () => Promise<void>;
  /** Warm-up requests, when not the tier's. */
  warm?: number;
}

interface Row {
  ep: Endpoint;
  app?: LoadResult;
  bare?: LoadResult;
  sqlPerReq?: number;
  writesPerReq?: number;
  capturedStmts?: number;
  rssMb?: number;
  note?: string;
  /** Median time of one request alone (the captured requests). */
  seqMs?: number;
  firstScript?: Script;
}

/**
 * Waits until no statement of the app or the bare server is still running: requests a run left
 * behind (the load generator stopped waiting for them) would otherwise run into the next run. After
 * 10 s their statements are cancelled; after 2 min it goes on regardless.
 */
async function settle(db: postgres.Sql) {
  const t0 = Date.now();
  // Only this database's: another database on the same server (a tier loading beside) is left alone.
  const apps = `application_name in ('kerongtong', 'bench-bare') and datname = current_database() and pid <> pg_backend_pid()`;
  let cancelled = 0;
  for (;;) {
    const [{ n }] = await db.unsafe<{ n: number }[]>(`select count(*)::int n from pg_stat_activity where state <> 'idle' and ${apps}`);
    if (n === 0) break;
    if (Date.now() - t0 > 120_000) {
      log(`${n} statement(s) of abandoned requests still running after 2 min; going on`);
      break;
    }
    if (Date.now() - t0 > 10_000) {
      const r = await db.unsafe<{ ok: boolean }[]>(`select pg_cancel_backend(pid) ok from pg_stat_activity where state = 'active' and ${apps}`);
      cancelled += r.length;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  if (cancelled) log(`cancelled ${cancelled} statement(s) of requests the load generator had given up on`);
}

const rotate = <T>(xs: T[]) => {
  let i = 0;
  return () => xs[i++ % xs.length];
};

// ---------------------------------------------------------------- main

async function main() {
  const t0 = Date.now();
  const secret = randomBytes(32).toString('base64url');
  const baseEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXTAUTH_SECRET: secret };
  delete baseEnv.PGLITE_DIR;

  if (!flag('skip-build')) await build(baseEnv);
  if (!fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) throw new Error(`no build in ${distDir}`);

  // PostgreSQL, the data, and the harness's own role (its statements stay out of the counts).
  const reuseUrl = opt('pg-url');
  let pg: Pick<BenchPg, 'csvLog'>;
  let appUrl: string;
  let harnessUrl: string;
  if (reuseUrl) {
    // A server loaded earlier (the M load alone takes 10+ minutes): migrate it, measure, leave it running.
    const csvLog = opt('pg-csv-log');
    if (!csvLog) throw new Error("--pg-url needs --pg-csv-log (the server's CSV log, for capturing statements)");
    pg = { csvLog };
    const boot = postgres(reuseUrl, { max: 1, onnotice: () => {} });
    await boot.unsafe(`do $$ begin if not exists (select 1 from pg_roles where rolname = 'bench') then create role bench superuser login; end if; end $$`);
    await boot.end();
    appUrl = reuseUrl;
    const u = new URL(reuseUrl);
    u.username = 'bench';
    harnessUrl = u.toString();
  } else {
    const started = await startBenchPg();
    cleanups.push(() => started.stop());
    pg = started;
    const boot = postgres(started.url, { max: 1, onnotice: () => {} });
    await boot.unsafe('create database krt');
    await boot.unsafe('create role bench superuser login');
    await boot.end();
    appUrl = `postgres://postgres@127.0.0.1:${started.port}/krt`;
    harnessUrl = `postgres://bench@127.0.0.1:${started.port}/krt`;
  }
  const dbEnv = { ...baseEnv, DATABASE_URL: appUrl, NEXTAUTH_SECRET: secret };
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  let data = 'demo data';
  if (reuseUrl) {
    await step('migrate (reused database)', bin('tsx'), ['scripts/migrate.ts'], dbEnv, 30 * 60_000);
    data = `demo data + tier ${tier} (loaded earlier, reused; earlier bench runs' writes included)`;
  } else await step('seed (migrate + demo data)', bin('tsx'), ['scripts/seed.ts'], dbEnv, 10 * 60_000);
  if (reuseUrl) {
    /* loaded already */
  } else if (pkg.scripts['db:seed:scale']) {
    await step(`tier ${tier} (npm run db:seed:scale)`, 'npm', ['run', '--silent', 'db:seed:scale', '--', '--tier', tier], dbEnv, run.seedTimeoutMin * 60_000);
    data = `demo data + tier ${tier}`;
  } else {
    log('npm run db:seed:scale is not there yet: measuring on the demo data only');
    data = `demo data only (no scale generator yet; tier ${tier} sets the durations)`;
  }

  const db = postgres(harnessUrl, { max: 2, onnotice: () => {}, connection: { application_name: 'bench-harness' } });
  cleanups.push(() => db.end({ timeout: 2 }));
  await db.unsafe('create extension if not exists pg_stat_statements');
  const prep = await prepareData(db);
  const counts = await db.unsafe<{ t: string; n: string }[]>(
    `select 'products' t, count(*)::text n from products union all select 'enterprises', count(*)::text from enterprises union all select 'needs', count(*)::text from financing_needs union all select 'applications', count(*)::text from applications union all select 'loans', count(*)::text from loans`,
  );
  const sizes = counts.map((c) => `${c.t} ${Number(c.n).toLocaleString('en')}`).join(', ');
  log(`data: ${sizes}`);

  // The app, the way `npm start` runs it in production, and the bare server.
  const appPort = await freePort();
  const base = `http://127.0.0.1:${appPort}`;
  const appEnv: NodeJS.ProcessEnv = {
    ...dbEnv,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: distDir,
    NEXTAUTH_URL: base,
    PORT: String(appPort),
    SEED_DEMO: 'false',
    // The periodic jobs' statements would land in the per-request counts; the landing page's
    // snapshot is warmed by the first request instead.
    JOBS: 'off',
  };
  // The V8 heap limit `npm start` gives the server (scripts/heap-limit.ts), unless NODE_OPTIONS has one.
  Object.assign(appEnv, heapLimitedEnv(appEnv, []) ?? {});
  const heapFlag = /--max[-_]old[-_]space[-_]size[= ](\d+)/.exec(appEnv.NODE_OPTIONS ?? '')?.[1];
  // As `npm start` and the e2e tests run it: scripts/server.ts (Next's handler behind node:http,
  // which stamps the client address); `next start` for a checkout that predates it.
  const custom = fs.existsSync(path.join(root, 'scripts', 'server.ts'));
  const app = custom
    ? startProcess('app', bin('tsx'), ['scripts/server.ts'], { cwd: root, env: appEnv, logFile: path.join(workDir, 'app.log') })
    : startProcess('app', bin('next'), ['start', '-p', String(appPort), '-H', '127.0.0.1'], { cwd: root, env: appEnv, logFile: path.join(workDir, 'app.log') });
  cleanups.push(() => app.stop());
  // The app dying mid-run (out of memory, a crash) is reported with its last lines, not only as
  // failed requests.
  let stopping = false;
  cleanups.push(() => {
    stopping = true;
  });
  void app.exited.then((code) => {
    if (!stopping) console.error(`[bench] the app exited (code ${code}) during the run; its last lines:\n${app.tail()}`);
  });
  await waitForHttp(`${base}/api/health/live`, 180_000, app);
  log(`app: ${custom ? 'scripts/server.ts' : 'next start'} on ${base} (pid ${app.pid})`);

  const barePort = await freePort();
  const bareBase = `http://127.0.0.1:${barePort}`;
  const bare = startProcess('bare', bin('tsx'), [path.join(__dirname, 'lib', 'bare-server.ts')], {
    cwd: root,
    env: { ...appEnv, BARE_PORT: String(barePort) },
    logFile: path.join(workDir, 'bare.log'),
  });
  cleanups.push(() => bare.stop());
  await waitForHttp(`${bareBase}/static`, 60_000, bare);

  const cookies = {
    sme: await signIn(base, 'sme@kerongtong.demo', PASSWORD),
    bank: await signIn(base, 'bank@kerongtong.demo', PASSWORD),
    admin: await signIn(base, 'admin@kerongtong.demo', PASSWORD),
  };
  log('signed in as sme, bank and admin');

  const submitId = actionId(path.join(root, distDir), 'app/products/[id]/apply/actions.ts', 'submitApplicationAction');
  const decideId = actionId(path.join(root, distDir), 'app/institution/applications/actions.ts', 'decideApplicationAction');

  const rss = new RssSampler(app.pid);
  let treePeakKb = 0;
  rss.start(200);
  cleanups.push(() => rss.stop());
  const statementLog = new StatementLog(db, pg.csvLog);
  const bareStats = async () =>
    (await (await fetch(`${bareBase}/__stats`, { signal: AbortSignal.timeout(10_000) })).json()) as { failures: number; lastError: string };

  // ------------------------------------------------------------ the endpoints
  const nextProduct = rotate(prep.productIds);
  const nextDetail = rotate(prep.bankApplicationIds);
  const nextNeed = rotate(prep.needIds);
  const sp = prep.submitProduct;
  const submitted: string[] = [];
  let approvePool: { id: string; amountFen: bigint }[] = [];
  let approveAt = 0;
  let submitRps = 0;
  const page = (path: string, cookie?: string): Req => ({ path, headers: cookie ? { cookie } : {} });
  const y = prep.year;

  const endpoints: Endpoint[] = [
    {
      name: 'products-api',
      what: `GET /api/v1/products?category=${prep.category}&term=12`,
      target: { ceiling: 0.8 },
      next: () => page(`/api/v1/products?category=${prep.category}&term=12`),
    },
    { name: 'catalogue', what: 'GET /products', target: { ceiling: 0.5 }, next: () => page('/products') },
    {
      name: 'product',
      what: `GET /products/{id} (${prep.productIds.length} products)`,
      target: { ceiling: 0.5 },
      // Each rotated page once: the run measures the page cache's steady state, not its first visits
      // (not in the CI smoke run, whose figures do not count).
      warm: flag('smoke') ? undefined : prep.productIds.length,
      next: () => page(`/products/${nextProduct()}`),
    },
    { name: 'landing', what: 'GET /', target: { ceiling: 0.5 }, next: () => page('/') },
    { name: 'bank-list', what: 'GET /institution/applications (bank)', target: { ceiling: 0.5 }, next: () => page('/institution/applications', cookies.bank) },
    {
      name: 'bank-detail',
      what: `GET /institution/applications/{id} (bank, ${prep.bankApplicationIds.length} ids)`,
      target: { ceiling: 0.5 },
      next: () => page(`/institution/applications/${nextDetail()}`, cookies.bank),
    },
    {
      name: 'submit',
      what: 'submit an application (server action, sme)',
      write: true,
      target: { p95: 200 },
      verifyBody: actionOk,
      bareVars: { key: { kind: 'random' } },
      next: () => {
        const key = `bench-${randomUUID()}`;
        submitted.push(key);
        const args = [{ productId: sp.id, needId: '', amountWan: sp.amountWan, termMonths: String(sp.term), ipAssetIds: [], idempotencyKey: key }];
        return { ...actionRequest(base, `/products/${sp.id}/apply`, submitId, cookies.sme, args), vars: { key } };
      },
    },
    {
      name: 'approve',
      what: 'approve an application (server action, bank)',
      write: true,
      target: { p95: 200 },
      verifyBody: actionOk,
      prepare: async () => {
        // Approving may run faster than submitting: room for three times the submit rate.
        approvePool = await approvable(
          db,
          base,
          prep,
          cookies,
          submitId,
          decideId,
          Math.ceil(Math.max(3 * submitRps, 60) * run.appS) + run.warm + run.capture + connections * 2,
        );
        approveAt = 0;
      },
      next: () => {
        const a = approvePool[approveAt++];
        if (!a) return null;
        // One approved amount for all (every pooled application asked for at least it), so the
        // bare server's replay of the captured UPDATE passes the approved ≤ applied check too.
        const args = [{ applicationId: a.id, action: 'approve', approvedAmountWan: sp.amountWan, approvedRate: sp.rate, approvedTermMonths: '12' }];
        return { ...actionRequest(base, `/institution/applications/${a.id}`, decideId, cookies.bank, args), vars: { app: a.id } };
      },
    },
    {
      name: 'matching',
      what: `GET /enterprise/needs/{id} (sme, ${prep.needIds.length} needs)`,
      target: { p95: 100, tierOf: 'M' },
      next: () => page(`/enterprise/needs/${nextNeed()}`, cookies.sme),
    },
    {
      name: 'dashboard-year',
      what: `GET /admin/dashboard?from=${y}-01-01&to=${y}-12-31 (admin)`,
      target: { p95: 300, tierOf: 'L' },
      next: () => page(`/admin/dashboard?from=${y}-01-01&to=${y}-12-31`, cookies.admin),
    },
    {
      name: 'figures-year',
      what: `GET /api/v1/figures?from=${y}-01-01&to=${y}-12-31`,
      target: { p95: 300, tierOf: 'L' },
      next: () => page(`/api/v1/figures?from=${y}-01-01&to=${y}-12-31`),
    },
    {
      name: 'figures-all',
      what: 'GET /api/v1/figures?from=2000-01-01&to=2100-12-31',
      target: { p95: 300, tierOf: 'L' },
      next: () => page('/api/v1/figures?from=2000-01-01&to=2100-12-31'),
    },
  ];

  // ------------------------------------------------------------ the ceiling
  const ceilingRun = async () => {
    for (let i = 0; i < 20; i++) await send(base, { path: '/api/bench/static' });
    const a = await runLoad({ base, connections, durationS: run.ceilingS, next: () => ({ path: '/api/bench/static' }) });
    const b = await runLoad({ base: bareBase, connections, durationS: run.ceilingS, next: () => ({ path: '/static' }) });
    return { a, b };
  };
  log('ceiling: /api/bench/static (app) and /static (bare)');
  rss.resetWindow();
  const c1 = await ceilingRun();
  const ceilingRss = rss.peakProcKb / 1024;

  // ------------------------------------------------------------ each endpoint
  const rows: Row[] = [];
  for (const ep of endpoints) {
    if (only && !only.includes(ep.name)) continue;
    const row: Row = { ep };
    rows.push(row);
    try {
      await ep.prepare?.();
      // Warm-up: the first requests compile, fill caches, compute the landing snapshot.
      for (let i = 0; i < (ep.warm ?? run.warm); i++) {
        const r = ep.next();
        if (!r) break;
        const res = await send(base, r);
        if (res.status >= 300 || (ep.verifyBody && !ep.verifyBody(res.body))) {
          throw new Error(
            `${ep.name}: ${r.method ?? 'GET'} ${r.path} answered ${res.status}${res.location ? ` → ${res.location}` : ''}: ${res.body.slice(0, 300)}`,
          );
        }
      }
      // Capture: sequential requests with the statement log on; pg_stat_statements counts them.
      await statementLog.enable(true);
      const scripts: Script[] = [];
      const seqMs: number[] = [];
      let captured = 0;
      let stmts = 0;
      try {
        await db.unsafe('select pg_stat_statements_reset()');
        const captureStart = Date.now();
        for (let i = 0; i < run.capture; i++) {
          // A slow endpoint gets fewer captured requests (at least 3), not minutes of them.
          if (i >= 3 && Date.now() - captureStart > 20_000) break;
          const r = ep.next();
          if (!r) break;
          statementLog.mark();
          const ts = performance.now();
          const res = await send(base, r);
          seqMs.push(performance.now() - ts);
          const records = await statementLog.collect();
          if (res.status >= 300 || (ep.verifyBody && !ep.verifyBody(res.body)))
            throw new Error(`${ep.name}: ${r.path} answered ${res.status}: ${res.body.slice(0, 300)}`);
          const s = scriptFromRecords(records, 'kerongtong', r.vars ?? {});
          if (s.errors.length) log(`${ep.name}: the app's statements raised: ${s.errors.slice(0, 3).join(' | ')}`);
          scripts.push(s.script);
          stmts += s.statements;
          captured++;
        }
        const pgss = await db.unsafe<{ query: string; calls: string }[]>(
          `select s.query, s.calls::text from pg_stat_statements s join pg_roles r on r.oid = s.userid where r.rolname = 'postgres' and s.dbid = (select oid from pg_database where datname = current_database())`,
        );
        const calls = pgss.reduce((n, q) => n + Number(q.calls), 0);
        const writes = pgss.filter((q) => isWrite(q.query)).reduce((n, q) => n + Number(q.calls), 0);
        row.sqlPerReq = captured ? calls / captured : undefined;
        row.writesPerReq = captured ? writes / captured : undefined;
        row.capturedStmts = captured ? stmts / captured : undefined;
      } finally {
        await statementLog.enable(false);
      }
      row.seqMs = seqMs.sort((a, b) => a - b)[Math.floor(seqMs.length / 2)];
      row.firstScript = scripts[0];
      const payload: EndpointScripts = { scripts, vars: ep.bareVars ?? {} };
      if (ep.name === 'approve') payload.vars = { app: { kind: 'list', values: approvePool.map((a) => a.id) } };
      const put = await fetch(`${bareBase}/__scripts/${ep.name}`, { method: 'PUT', body: JSON.stringify(payload) });
      if (put.status !== 204) throw new Error(`bare server refused the scripts: ${put.status}`);

      // The app under load, then the bare server replaying the same SQL.
      // A slow endpoint runs longer, so that every connection sees several answers.
      const stretch = (s: number) => Math.max(s, Math.min(4 * s, Math.ceil((8 * (row.seqMs ?? 0)) / 1000)));
      await settle(db);
      rss.resetWindow();
      row.app = await runLoad({ base, connections, durationS: stretch(run.appS), next: ep.next, verifyBody: ep.verifyBody });
      row.rssMb = rss.peakProcKb / 1024;
      treePeakKb = Math.max(treePeakKb, rss.peakTreeKb);
      if (row.app.exhausted) row.note = `ran out of prepared ids after ${row.app.requests} requests`;
      if (ep.name === 'submit') submitRps = row.app.rps;
      const bareReq = { method: ep.write ? ('POST' as const) : ('GET' as const), path: `/e/${ep.name}` };
      await settle(db);
      const failuresBefore = (await bareStats()).failures;
      row.bare = await runLoad({ base: bareBase, connections, durationS: stretch(run.bareS), next: () => bareReq });
      await settle(db);
      log(
        `${ep.name}: app ${row.app.rps.toFixed(0)} req/s p95 ${row.app.p95.toFixed(0)} ms (${row.app.errors} errors), bare ${row.bare.rps.toFixed(0)} req/s (${row.bare.errors} errors), ${row.sqlPerReq?.toFixed(1)} SQL/req`,
      );
      const st = await bareStats();
      if (st.failures > failuresBefore) row.note = `bare replay failed: ${st.lastError.slice(0, 120)}`;
      const timeouts = row.app.timeouts + row.bare.timeouts;
      if (timeouts) row.note = [row.note, `${row.app.timeouts} app and ${row.bare.timeouts} bare requests timed out (30 s)`].filter(Boolean).join('; ');
    } catch (e) {
      row.note = (e as Error).message.split('\n')[0].slice(0, 200);
      log(`${ep.name}: ${(e as Error).message}`);
      await statementLog.enable(false).catch(() => {});
    }
  }
  void submitted;

  // The ceiling again at the end: the machine is shared, so the ratios use the mean of both.
  await settle(db);
  log('ceiling again');
  const c2 = await ceilingRun();
  const ceiling = (c1.a.rps + c2.a.rps) / 2;
  const bareCeiling = (c1.b.rps + c2.b.rps) / 2;
  const hwmMb = rss.maxHwmKb() / 1024;
  treePeakKb = Math.max(treePeakKb, rss.peakTreeKb);
  rss.stop();

  // ------------------------------------------------------------ the table
  const table = render({
    rows,
    ceiling,
    bareCeiling,
    c1,
    c2,
    ceilingRss,
    hwmMb,
    treeMb: treePeakKb / 1024,
    server: custom ? 'scripts/server.ts' : 'next start',
    heap: heapFlag ? `V8 old-space limit ${heapFlag} MB` : 'no V8 heap limit',
    data,
    sizes,
    tookS: (Date.now() - t0) / 1000,
  });
  console.log('\n' + table);
  const outDir = path.join(__dirname, 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
  const outFile = path.join(outDir, `${tier}-${stamp}.md`);
  fs.writeFileSync(outFile, table + '\n');
  fs.writeFileSync(outFile.replace(/\.md$/, '.sql.md'), sqlDump(rows));
  log(`written to ${path.relative(root, outFile)} (and the SQL of one request per endpoint beside it, .sql.md)`);
  keepAppErrors(outFile.replace(/\.md$/, '.errors.log'));
}

// ---------------------------------------------------------------- data preparation

interface Prepared {
  smeEnterpriseId: string;
  bankInstitutionId: string;
  productIds: string[];
  bankApplicationIds: string[];
  needIds: string[];
  category: string;
  year: number;
  /** `rate`: its lowest annual rate in percent, which an approval must respect. */
  submitProduct: { id: string; amountWan: string; term: number; rate: string };
}

async function prepareData(db: postgres.Sql): Promise<Prepared> {
  const users = await db.unsafe<{ email: string; enterprise_id: string | null; institution_id: string | null }[]>(
    `select email, enterprise_id, institution_id from users where email in ('sme@kerongtong.demo', 'bank@kerongtong.demo', 'admin@kerongtong.demo')`,
  );
  const sme = users.find((u) => u.email === 'sme@kerongtong.demo')?.enterprise_id;
  const bank = users.find((u) => u.email === 'bank@kerongtong.demo')?.institution_id;
  if (!sme || !bank || users.length !== 3) throw new Error('the demo accounts are missing (sme, bank, admin @kerongtong.demo)');

  // Matching over many different needs: the signed-in enterprise gets copies of other enterprises'
  // needs (their amounts, terms, purposes, guarantees and rate caps), open, until it has enough.
  const [{ n: have }] = await db.unsafe<{ n: number }[]>(`select count(*)::int n from financing_needs where enterprise_id = $1 and status = 'open'`, [sme]);
  const want = TIER_RUNS[tier].needs;
  if (have < want) {
    await db.unsafe(
      `with src as (
         select n.*, row_number() over (order by n.id) rn, count(*) over () cnt
         from (select * from financing_needs where enterprise_id <> $1 order by id limit $2) n)
       insert into financing_needs (enterprise_id, amount_fen, term_months, purpose, guarantee_methods, max_rate_bp, wanted_by, description, status, created_at, updated_at)
       select $1, s.amount_fen, s.term_months, s.purpose, s.guarantee_methods, s.max_rate_bp, null, s.description, 'open', now() - make_interval(mins => g::int), now() - make_interval(mins => g::int)
       from generate_series(1, $2) g join src s on s.rn = ((g - 1) % s.cnt) + 1`,
      [sme, want - have],
    );
  }
  const needIds = (await db.unsafe<{ id: string }[]>(`select id from financing_needs where enterprise_id = $1 and status = 'open' order by id`, [sme])).map(
    (r) => r.id,
  );

  const rot = TIER_RUNS[tier].rotate;
  const productIds = (await db.unsafe<{ id: string }[]>(`select id from products where status = 'published' order by md5(id::text) limit $1`, [rot])).map(
    (r) => r.id,
  );
  const bankApplicationIds = (
    await db.unsafe<{ id: string }[]>(`select id from applications where institution_id = $1 order by md5(id::text) limit $2`, [bank, rot])
  ).map((r) => r.id);
  const [{ category }] = await db.unsafe<{ category: string }[]>(
    `select category::text from products where status = 'published' group by 1 order by count(*) desc, 1 limit 1`,
  );
  const years = await db.unsafe<{ y: number }[]>(
    `select extract(year from submitted_at at time zone 'Asia/Shanghai')::int y from applications group by 1 order by count(*) desc, 1 desc limit 1`,
  );
  const year = years[0]?.y ?? new Date().getFullYear();
  const [p] = await db.unsafe<{ id: string; amount_min_fen: string; amount_max_fen: string; term_min_months: number; rate_bp: number }[]>(
    `select id, amount_min_fen::text, amount_max_fen::text, term_min_months, ${LOWEST_RATE_BP} as rate_bp from products
     where institution_id = $1 and status = 'published' and not (select pledges_ip from product_categories c where c.code = products.category)
     order by amount_min_fen, id limit 1`,
    [bank],
  );
  if (!p) throw new Error('the demo bank has no published product that needs no IP pledge to apply to');
  // The smallest whole 万元 amount the product takes.
  const minWan = (BigInt(p.amount_min_fen) + 999_999n) / 1_000_000n;
  if (minWan * 1_000_000n > BigInt(p.amount_max_fen)) throw new Error('the product to apply to takes no whole 万元 amount');
  await db.unsafe('vacuum analyze');
  return {
    smeEnterpriseId: sme,
    bankInstitutionId: bank,
    productIds,
    bankApplicationIds,
    needIds,
    category,
    year,
    submitProduct: { id: p.id, amountWan: String(minWan), term: p.term_min_months, rate: (p.rate_bp / 100).toFixed(2) },
  };
}

/**
 * Applications the bank can approve (accepted, to its products): the ones already accepted, then
 * the bench's own submitted ones accepted through the app, then new ones submitted and accepted
 * through the app until there are `need` (preparation, not measured).
 */
async function approvable(
  db: postgres.Sql,
  base: string,
  prep: Prepared,
  cookies: { sme: string; bank: string },
  submitId: string,
  decideId: string,
  need: number,
): Promise<{ id: string; amountFen: bigint }[]> {
  const t0 = Date.now();
  const pool = async (kind: 'accepted' | 'submitted', limit: number) =>
    db.unsafe<{ id: string; amount_fen: string }[]>(
      `select id, amount_fen::text from applications where institution_id = $1 and status = $2 and amount_fen >= $3 order by submitted_at desc limit $4`,
      [prep.bankInstitutionId, kind, String(BigInt(prep.submitProduct.amountWan) * 1_000_000n), limit],
    );
  const parallel = async <T>(items: T[], fn: (x: T) => Promise<void>) => {
    let i = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (i < items.length) await fn(items[i++]);
      }),
    );
  };
  const accept = async (ids: string[]) =>
    parallel(ids, async (id) => {
      const r = await send(base, actionRequest(base, `/institution/applications/${id}`, decideId, cookies.bank, [{ applicationId: id, action: 'accept' }]));
      if (!actionOk(r.body)) throw new Error(`accepting ${id} failed: ${r.status} ${r.body.slice(0, 200)}`);
    });
  let accepted = await pool('accepted', need);
  if (accepted.length < need) {
    const waiting = await pool('submitted', need - accepted.length);
    await accept(waiting.map((w) => w.id));
    accepted = await pool('accepted', need);
  }
  if (accepted.length < need) {
    const sp = prep.submitProduct;
    const keys = Array.from({ length: need - accepted.length }, () => `bench-prep-${randomUUID()}`);
    await parallel(keys, async (key) => {
      const args = [{ productId: sp.id, needId: '', amountWan: sp.amountWan, termMonths: String(sp.term), ipAssetIds: [], idempotencyKey: key }];
      const r = await send(base, actionRequest(base, `/products/${sp.id}/apply`, submitId, cookies.sme, args));
      if (!actionOk(r.body)) throw new Error(`submitting failed: ${r.status} ${r.body.slice(0, 200)}`);
    });
    await accept((await pool('submitted', need - accepted.length)).map((w) => w.id));
    accepted = await pool('accepted', need);
  }
  log(`approve: ${accepted.length} accepted applications ready (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  return accepted.map((a) => ({ id: a.id, amountFen: BigInt(a.amount_fen) }));
}

// ---------------------------------------------------------------- rendering

/** The statements of one captured request per endpoint, as the bare server replays them. */
function sqlDump(rows: Row[]): string {
  const out: string[] = [`# SQL of one request per endpoint (tier ${tier}), as captured from PostgreSQL's log`, ''];
  for (const r of rows) {
    const s = r.firstScript;
    out.push(`## ${r.ep.name}: ${r.ep.what}`, '');
    if (!s) {
      out.push('(not captured)', '');
      continue;
    }
    s.stmts.forEach((st, i) => {
      const params = st.params.map((p) => (p === null ? 'NULL' : typeof p === 'string' ? p : p.map((x) => (typeof x === 'string' ? x : `{${x.v}}`)).join('')));
      out.push(
        `${i + 1}. connection ${st.lane}${st.tx ? `, transaction (${st.tx})` : ''}${st.deps.length ? `, after ${st.deps.map((d) => d + 1).join(', ')}` : ''}${st.prepared ? ', prepared' : ''}`,
      );
      out.push('', '   ```sql', ...st.sql.split('\n').map((l) => `   ${l}`), '   ```');
      if (params.length) out.push(`   parameters: ${params.map((p, j) => `$${j + 1} = ${p.length > 120 ? p.slice(0, 120) + '…' : p}`).join(', ')}`);
      out.push('');
    });
  }
  return out.join('\n');
}

const f0 = (x?: number) => (x === undefined || Number.isNaN(x) ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const fr = (x?: number) => (x === undefined || !Number.isFinite(x) ? '–' : `${x.toFixed(2)}×`);

function render(o: {
  rows: Row[];
  ceiling: number;
  bareCeiling: number;
  c1: { a: LoadResult; b: LoadResult };
  c2: { a: LoadResult; b: LoadResult };
  ceilingRss: number;
  hwmMb: number;
  treeMb: number;
  server: string;
  heap: string;
  data: string;
  sizes: string;
  tookS: number;
}): string {
  const cpu = os.cpus();
  const lines: string[] = [];
  lines.push(`## App bench, tier ${tier} — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  lines.push('');
  lines.push(
    `${connections} connections; app ${run.appS} s, bare ${run.bareS} s, ceiling ${run.ceilingS} s per run; ${run.capture} captured requests per endpoint. ` +
      `Data: ${o.data} (${o.sizes}). Machine: ${cpu.length} × ${cpu[0]?.model?.trim() ?? 'cpu'}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} at the end; ` +
      `Node ${process.version}; whole run ${(o.tookS / 60).toFixed(1)} min.`,
  );
  lines.push('');
  lines.push(
    '| endpoint | req/s | p50 ms | p95 ms | p99 ms | ÷ ceiling | bare req/s | bare p95 ms | ÷ bare | SQL/req | writes/req | errors | peak RSS MB | target |',
  );
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  const c = o.c1.a;
  lines.push(
    `| ceiling: static JSON (/api/bench/static) | ${f0(o.ceiling)} | ${f0(c.p50)} | ${f0(c.p95)} | ${f0(c.p99)} | 1.00× | ${f0(o.bareCeiling)} | ${f0(o.c1.b.p95)} | ${fr(o.ceiling / o.bareCeiling)} | 0 | 0 | ${c.errors + o.c2.a.errors} | ${f0(o.ceilingRss)} | |`,
  );
  for (const r of o.rows) {
    const a = r.app;
    const ratio = a ? a.rps / o.ceiling : undefined;
    const t = r.ep.target;
    const checks: string[] = [];
    if (a) {
      if (t.ceiling !== undefined) checks.push(`≥${t.ceiling}× ${ratio! >= t.ceiling ? '✓' : '✗'}`);
      if (t.p95 !== undefined) checks.push(`p95 ≤${t.p95}${t.tierOf && t.tierOf !== tier ? ` (at ${t.tierOf})` : ''} ${a.p95 <= t.p95 ? '✓' : '✗'}`);
      if (!r.ep.write && r.sqlPerReq !== undefined) checks.push(`≤3 SQL ${r.sqlPerReq <= 3 ? '✓' : '✗'}`);
      if (!r.ep.write && r.writesPerReq !== undefined) checks.push(`no writes ${r.writesPerReq === 0 ? '✓' : '✗'}`);
      if (r.rssMb !== undefined) checks.push(`RSS ≤500 ${r.rssMb <= 500 ? '✓' : '✗'}`);
    }
    const target = [checks.join(', '), r.note ? `**${r.note.replace(/\|/g, '/')}**` : ''].filter(Boolean).join(' ');
    lines.push(
      `| ${r.ep.name}: ${r.ep.what.replace(/\|/g, '/')} | ${f0(a?.rps)} | ${f0(a?.p50)} | ${f0(a?.p95)} | ${f0(a?.p99)} | ${fr(ratio)} | ${f0(r.bare?.rps)} | ${f0(r.bare?.p95)} | ${fr(a && r.bare ? a.rps / r.bare.rps : undefined)} | ${f0(r.sqlPerReq)} | ${f0(r.writesPerReq)} | ${a ? a.errors + (r.bare?.errors ?? 0) : '–'} | ${f0(r.rssMb)} | ${target} |`,
    );
  }
  lines.push('');
  lines.push(
    `Ceiling runs: app ${f0(o.c1.a.rps)} then ${f0(o.c2.a.rps)} req/s, bare ${f0(o.c1.b.rps)} then ${f0(o.c2.b.rps)} req/s (ratios use the means). ` +
      `Peak RSS: the app's server process (${o.server}, production build, ${o.heap}), sampled every 200 ms during each app run; its VmHWM over the whole run ${f0(o.hwmMb)} MB; with its launcher process ${f0(o.treeMb)} MB at most. ` +
      `SQL/req and writes/req: pg_stat_statements over the captured requests (every statement, BEGIN/COMMIT included); errors: non-2xx, failed action results, timeouts, app and bare together.`,
  );
  return lines.join('\n');
}

main()
  .then(async () => {
    clearTimeout(watchdog);
    await cleanup();
    process.exit(0);
  })
  .catch(async (e) => {
    console.error('[bench] failed:', e);
    await cleanup();
    process.exit(1);
  });
