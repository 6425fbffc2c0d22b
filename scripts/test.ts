// `npm test`: every test, in order — type check, unit tests, the integration suite on PGlite and
// again on a real PostgreSQL server (started here unless DATABASE_URL is given), then the
// end-to-end tests in Debian's chromium against a production build.
// Then the fault drills CI runs on every submission (npm run drill -- ci: PostgreSQL restart, two
// instances behind nginx, backup and restore; scripts/drill/) on the same build.
// Beside the end-to-end tests, at the lowest CPU priority, the app bench on tier S as a smoke test
// (bench/app.ts): it passes when it finishes and prints its table, whatever the figures.
//   --only=lint|unit|int|pg|e2e|drill|bench   run one stage (int = PGlite, pg = PostgreSQL)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDb } from '../db/client';
import { migrateDb } from '../db/migrate';
import { TEMPLATE_DB } from '../db/testing';
import { startPgServer, type PgServer } from './pg-server';

const root = process.cwd();
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const want = (stage: string) => !only || only === stage;
const report = path.join(os.tmpdir(), `krt-test-${process.pid}`);
fs.mkdirSync(report, { recursive: true });

interface Tally {
  stage: string;
  passed: number;
  failed: number;
  skipped: number;
  ok: boolean;
  /** Failed (and, for e2e, flaky) tests by name: printed again under the summary, where a CI log's tail shows them. */
  notes?: string[];
}
const tallies: Tally[] = [];
/** The production build in .next is made (by the e2e stage). */
let built = false;
const started = Date.now();

const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

function run(stage: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n━━ ${stage}: ${path.basename(cmd)} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...childEnv, ...env } });
  console.log(`━━ ${stage}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return r.status === 0;
}

/**
 * Starts `cmd` in the background with its output in `<name>.log` of the report folder (a pipe would
 * fill while a stage run with spawnSync blocks this process). `done` gives its exit code, its output
 * and the log's last write: when it ended, as near as this process can tell, since it hears of the
 * end only once the stage in front of it is over.
 */
function startLogged(name: string, cmd: string, args: string[], o: { detached?: boolean } = {}) {
  const log = path.join(report, `${name}.log`);
  const fd = fs.openSync(log, 'w');
  const child = spawn(cmd, args, { detached: o.detached, stdio: ['ignore', fd, fd], env: childEnv });
  fs.closeSync(fd);
  const done = new Promise<{ code: number | null; out: string; lastWrite: number }>((resolve) =>
    child.on('close', (code) => resolve({ code, out: fs.readFileSync(log, 'utf8'), lastWrite: fs.statSync(log).mtimeMs })),
  );
  return { child, done };
}

/** Starts a stage in the background, its output kept in a file and printed when it ends. */
async function runBeside(stage: string, cmd: string, args: string[]): Promise<boolean> {
  const t0 = Date.now();
  const { code, out } = await startLogged(stage, cmd, args).done;
  console.log(`\n━━ ${stage}: ${path.basename(cmd)} ${args.join(' ')} (ran beside the stages above)`);
  process.stdout.write(out);
  console.log(`━━ ${stage}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return code === 0;
}

function vitest(stage: string, project: string, env: Record<string, string> = {}) {
  const out = path.join(report, `${stage}.json`);
  const ok = run(stage, bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], env);
  let passed = 0,
    failed = 0,
    skipped = 0;
  const notes: string[] = [];
  if (fs.existsSync(out)) {
    const j = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numTotalTests: number;
      testResults?: { name: string; status: string; message?: string; assertionResults?: { fullName: string; status: string }[] }[];
    };
    for (const f of j.testResults ?? []) {
      const file = path.relative(root, f.name);
      const bad = (f.assertionResults ?? []).filter((a) => a.status === 'failed');
      for (const a of bad) notes.push(`${file} › ${a.fullName}`);
      if (f.status === 'failed' && bad.length === 0) notes.push(`${file}: ${(f.message ?? 'failed').split('\n')[0]}`);
    }
    passed = j.numPassedTests;
    failed = j.numFailedTests;
    skipped = j.numPendingTests + j.numTodoTests;
    if (j.numTotalTests === 0) failed++; // a stage that ran nothing is a failure, not a pass
  } else failed++;
  tallies.push({ stage, passed, failed, skipped, ok: ok && failed === 0, notes });
}

async function withPostgres(fn: (url: string) => void) {
  let server: PgServer | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    server = await startPgServer();
    url = server.url;
    console.log(`[test] PostgreSQL started on port ${server.port}`);
  }
  try {
    const admin = await openDb({ databaseUrl: url, poolMax: 1 });
    await admin.db.execute(sql.raw(`drop database if exists ${TEMPLATE_DB}`)).catch(() => {});
    await admin.db.execute(sql.raw(`create database ${TEMPLATE_DB}`));
    await admin.close();
    const u = new URL(url);
    u.pathname = `/${TEMPLATE_DB}`;
    const tmpl = await openDb({ databaseUrl: u.toString(), poolMax: 1 });
    await migrateDb(tmpl);
    await tmpl.close();
    fn(url);
  } finally {
    server?.stop();
  }
}

interface PwSuite {
  title: string;
  file?: string;
  suites?: PwSuite[];
  specs?: { title: string; file: string; line: number; tests: { status: string }[] }[];
}

/** Every test of a Playwright JSON report as [status ('expected', 'unexpected', 'flaky', 'skipped'), file:line › title]. */
function playwrightOutcomes(suites: PwSuite[], trail: string[] = []): [string, string][] {
  const found: [string, string][] = [];
  for (const s of suites) {
    const inner = s.file && trail.length === 0 ? [] : [...trail, s.title];
    for (const spec of s.specs ?? [])
      for (const t of spec.tests) found.push([t.status, `${spec.file}:${spec.line} › ${[...inner, spec.title].filter(Boolean).join(' › ')}`]);
    found.push(...playwrightOutcomes(s.suites ?? [], inner));
  }
  return found;
}

/**
 * Builds for production, then runs the end-to-end tests on that build. `whileTesting` starts when
 * the build is done, before the tests: work that runs beside them (the bench smoke).
 */
function e2e(whileTesting: () => void = () => {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'krt-e2e-'));
  const env = {
    PGLITE_DIR: path.join(dataDir, 'pglite'),
    NEXTAUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
    DATABASE_URL: '',
    // Every spec registers from the same address; the per-address limit (5 an hour) has its own tests.
    REGISTRATIONS_PER_HOUR: '1000',
    // The landing page's headline job every 5 s instead of every minute, so the spec that waits for
    // an earlier registration to show there waits seconds, not a minute.
    HEADLINE_REFRESH_MS: '5000',
    JOBS_TICK_MS: '1000',
  };
  const typechecked = tallies.some((t) => t.stage === 'typecheck' && t.ok);
  if (!run('build', bin('next'), ['build'], { ...env, ...(typechecked ? { NEXT_BUILD_TYPECHECKED: '1' } : {}) })) {
    tallies.push({ stage: 'e2e', passed: 0, failed: 1, skipped: 0, ok: false });
    return;
  }
  built = true;
  whileTesting();
  const out = path.join(report, 'e2e.json');
  const serverLog = path.join(report, 'e2e-server.log');
  const ok = run('e2e', bin('playwright'), ['test'], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: out, SERVER_LOG_FILE: serverLog });
  let passed = 0,
    failed = 0,
    skipped = 0;
  const notes: string[] = [];
  if (fs.existsSync(out)) {
    const j = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
      suites?: PwSuite[];
    };
    passed = j.stats.expected + j.stats.flaky;
    failed = j.stats.unexpected;
    skipped = j.stats.skipped;
    if (passed + failed === 0) failed++;
    for (const [status, name] of playwrightOutcomes(j.suites ?? [])) if (status !== 'expected' && status !== 'skipped') notes.push(`${status}: ${name}`);
  } else failed++;
  tallies.push({ stage: 'e2e', passed, failed, skipped, ok: ok && failed === 0, notes });
  // The server's log of that run holds no passwords, secrets, session tokens or credit codes.
  const clean = run('log-scan', bin('tsx'), ['scripts/check-server-log.ts', serverLog], env);
  tallies.push({ stage: 'log-scan', passed: clean ? 1 : 0, failed: clean ? 0 : 1, skipped: 0, ok: clean });
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/**
 * The fault drills of CI (scripts/drill/run.ts ci): they start their own PostgreSQL, app instances
 * and nginx, and pass when every check prints PASS. They reuse the e2e stage's build when it made one.
 */
function drills(reuseBuild: boolean) {
  const args = ['scripts/drill/run.ts', 'ci', ...(reuseBuild ? ['--skip-build', '--dist-dir', process.env.NEXT_DIST_DIR || '.next'] : [])];
  const ok = run('drill', bin('tsx'), args);
  tallies.push({ stage: 'drill', passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, ok });
}

/**
 * The bench's tier S: must finish and print its table (targets are not checked). It runs in its own
 * process group, so a timeout stops it and everything it started (it stops its servers on SIGTERM).
 * It reuses the production build the e2e stage has just made, if it made one.
 * `beside`: it runs beside the end-to-end tests, at the lowest CPU priority (nice 19, which its
 * PostgreSQL and app servers inherit), so it takes only the CPU they leave idle (~20 % of the two
 * cores: the browser waits on the server and the server on the browser); its output is kept and
 * printed when it ends. Its figures are rougher for it, and they do not count in this stage.
 */
async function bench(reuseBuild: boolean, beside = false) {
  const stage = 'bench';
  const reuse = reuseBuild ? ['--skip-build', '--dist-dir', process.env.NEXT_DIST_DIR || '.next'] : [];
  const args = ['run', '--silent', 'bench', '--', '--tier', 'S', '--smoke', ...reuse];
  const header = `\n━━ ${stage}: npm ${args.join(' ')}${beside ? ' (nice 19, beside the end-to-end tests)' : ''}`;
  if (!beside) console.log(header);
  const t0 = Date.now();
  const logged = beside ? startLogged(stage, 'nice', ['-n', '19', 'npm', ...args], { detached: true }) : undefined;
  const child = logged?.child ?? spawn('npm', args, { detached: true, stdio: ['ignore', 'pipe', 'inherit'], env: childEnv });
  let out = '';
  child.stdout?.on('data', (b: Buffer) => {
    process.stdout.write(b);
    out += b.toString('utf8');
  });
  const kill = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      /* gone */
    }
  };
  // Stopping the test run stops the bench too (it is in a process group of its own).
  const forward = (sig: NodeJS.Signals) => () => {
    kill(sig);
    setTimeout(() => process.exit(130), 60_000).unref();
  };
  const onInt = forward('SIGINT');
  const onTerm = forward('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  const limitMin = 30;
  const timer = setTimeout(() => {
    console.error(`━━ ${stage}: no table after ${limitMin} min, stopping it`);
    kill('SIGTERM');
    setTimeout(() => kill('SIGKILL'), 60_000).unref();
  }, limitMin * 60_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(timer);
  process.off('SIGINT', onInt);
  process.off('SIGTERM', onTerm);
  // Its end: beside the tests, its log's last write (the table, printed last).
  let ended = Date.now();
  if (logged) {
    ({ out, lastWrite: ended } = await logged.done);
    console.log(header);
    process.stdout.write(out);
  }
  const table = /\n\| endpoint \| req\/s \|/.test(out) && /\| ceiling: static JSON/.test(out);
  const ok = code === 0 && table;
  console.log(`━━ ${stage}: ${ok ? 'ok' : `FAILED (exit ${code}${table ? '' : ', no table'})`} in ${((ended - t0) / 1000).toFixed(1)} s`);
  tallies.push({ stage, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, ok });
}

async function main() {
  // The type check (tsc, one core, ~35 s of CPU) runs beside the integration tests on PGlite; its
  // output follows theirs. Beside lint and unit (~17 s together) it was the longest of the three and
  // set that stage's length (~49 s); beside the PGlite tests it lengthens them by about half its time.
  // It covers the route types Next generates (`next typegen`, ~1 s: pages' and layouts' props), so
  // the production build below need not check types again (NEXT_BUILD_TYPECHECKED, next.config.js).
  const typegen = only ? false : run('typegen', bin('next'), ['typegen']);
  if (want('lint')) {
    // biome lint and format check (biome.jsonc) and knip (knip.json: unused files, exports, dependencies), as `npm run lint`.
    const ok =
      run('lint', bin('biome'), ['lint', '--error-on-warnings', '.']) &&
      run('format', bin('biome'), ['format', '.']) &&
      run('dead-code', bin('knip'), ['--no-progress']);
    tallies.push({ stage: 'lint', passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, ok });
  }
  if (want('unit')) vitest('unit', 'unit');
  const typecheck = only ? undefined : typegen ? runBeside('typecheck', bin('tsc'), ['--noEmit']) : Promise.resolve(false);
  if (want('int')) vitest('int-pglite', 'int', { TEST_DB: 'pglite' });
  if (typecheck) {
    const ok = await typecheck;
    tallies.unshift({ stage: 'typecheck', passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, ok });
  }
  if (want('pg')) await withPostgres((url) => vitest('int-postgres', 'int', { TEST_DB: 'postgres', TEST_PG_URL: url }));
  // The bench smoke runs beside the end-to-end tests, on their build, once it is made (bench()).
  let benched: Promise<void> | undefined;
  if (want('e2e')) e2e(() => (benched = want('bench') ? bench(true, true) : undefined));
  if (want('drill')) drills(built);
  if (want('bench')) await (benched ?? bench(built));

  console.log('\n━━ summary');
  for (const t of tallies) {
    console.log(`${t.ok ? 'ok    ' : 'FAILED'} ${t.stage}: ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`);
    for (const n of t.notes ?? []) console.log(`         ${n}`);
  }
  const passed = tallies.reduce((s, t) => s + t.passed, 0);
  const failed = tallies.reduce((s, t) => s + t.failed, 0);
  console.log(`total: ${passed} passed, ${failed} failed in ${Math.round((Date.now() - started) / 1000)} s`);
  process.exit(tallies.every((t) => t.ok) ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
