// Drill 9: a real streaming replica (pg_basebackup from the same PostgreSQL 15 binaries) behind
// DATABASE_REPLICA_URL. The heavy reads (the dashboard, the figures API, the catalogue and its
// API) land on the replica, every write and the pages that read a write just made on the primary
// (pg_stat_statements on both servers); when the replica is stopped, the app keeps serving those
// reads from the primary.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { freePort } from '../../bench/lib/proc';
import { signIn } from '../../bench/lib/http';
import type { Drill } from './harness';
import { deploymentSecrets, PASSWORD, startApp, startDrillPg } from './stack';
import { verifyAcknowledged } from './verify';
import { errorDigest, fixture, signInBoth, Workload } from './workload';

const run = promisify(execFile);
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const asPg = (cmd: string, args: string[]): [string, string[]] =>
  process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', path.join(BIN, cmd), ...args]] : [path.join(BIN, cmd), args];
const STATS = ['shared_preload_libraries=pg_stat_statements', 'pg_stat_statements.track=top'];

export const replica: Drill = {
  name: 'replica',
  title: 'a streaming read replica (DATABASE_REPLICA_URL)',
  async run(ctx) {
    const pg = await startDrillPg(ctx, { settings: () => [...STATS, 'wal_level=replica', 'max_wal_senders=5', 'hot_standby=on'] });
    await pg.sql`create extension if not exists pg_stat_statements`;

    // The replica: a base backup of the primary, started as a hot standby on a port of its own.
    const dir = path.join(ctx.workDir, 'replica');
    fs.chmodSync(ctx.workDir, 0o711); // the postgres user goes through it to its folder
    fs.mkdirSync(dir);
    if (process.getuid?.() === 0) await run('chown', ['postgres:postgres', dir]);
    const data = path.join(dir, 'data');
    await run(...asPg('pg_basebackup', ['-D', data, '-R', '-X', 'stream', '-h', '127.0.0.1', '-p', String(pg.port), '-U', 'postgres']));
    const port = await freePort();
    const opts = [`-p ${port}`, `-k ${dir}`, 'listen_addresses=127.0.0.1', 'hot_standby=on', 'max_connections=200', 'max_wal_senders=5', ...STATS]
      .map((o) => (o.startsWith('-') ? o : `-c ${o}`))
      .join(' ');
    const ctl = (args: string[]) => run(...asPg('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', ...args]));
    // A hot standby needs max_connections and the like at least as high as the primary's.
    await ctl(['-o', opts, 'start']).catch((e: Error) => {
      throw new Error(`the replica did not start: ${e.message}\n${fs.readFileSync(path.join(dir, 'server.log'), 'utf8').slice(-1500)}`);
    });
    ctx.defer(() => ctl(['-m', 'immediate', 'stop']).catch(() => {}));
    const replicaUrl = `postgres://postgres@127.0.0.1:${port}/krt`;
    const rsql = postgres(replicaUrl, { max: 1, onnotice: () => {}, connection: { application_name: 'drill' } });
    ctx.defer(() => rsql.end({ timeout: 1 }));
    const [{ standby }] = await rsql<{ standby: boolean }[]>`select pg_is_in_recovery() standby`;
    ctx.check('the replica is a streaming hot standby of the primary', standby);

    const app = await startApp(ctx, { name: 'app', databaseUrl: pg.url, secrets: deploymentSecrets(), env: { DATABASE_REPLICA_URL: replicaUrl, JOBS: 'off' } });
    const f = await fixture(pg.sql);
    const [{ now: since }] = await pg.sql<{ now: Date }[]>`select now()`;
    const actors = await signInBoth(app.base);
    const admin = await signIn(app.base, 'admin@kerongtong.demo', PASSWORD);
    const load = new Workload({ bases: [app.base], distDir: ctx.distDir, actors, fixture: f, sql: pg.sql, tag: 'replica' });
    const heavy = ['/api/v1/figures?from=2026-01-01&to=2026-12-31', '/api/v1/products?term=12', '/products', '/admin/dashboard?from=2026-01-01&to=2026-12-31'];
    const readHeavy = async (tag: string) => {
      const out = [];
      for (const p of heavy)
        out.push(await load.request(`${tag} GET ${p.split('?')[0]}`, { path: p, headers: p.startsWith('/admin') ? { cookie: admin } : {} }));
      return out;
    };
    await readHeavy('warm');
    await load.run({ writers: 1, readers: 0, maxMs: 60_000, maxJourneys: 1 });
    const reset = `select pg_stat_statements_reset()`;
    await Promise.all([pg.sql.unsafe(reset), rsql.unsafe(reset)]);

    // Journeys (writes, and the need's own page right after posting it) and the heavy reads.
    const readAfterWrite: string[] = [];
    for (let i = 0; i < 3; i++) {
      await load.journey();
      const need = load.acked.needs[load.acked.needs.length - 1];
      const page = await load.request('GET /enterprise/needs/{id}', { path: `/enterprise/needs/${need.id}`, headers: { cookie: actors.sme } });
      if (page.status !== 200) readAfterWrite.push(`${need.id}: ${page.status}`);
      await readHeavy('heavy');
    }
    const stats = async (sql: postgres.Sql) =>
      sql<
        { query: string; calls: number }[]
      >`select s.query, s.calls::int calls from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = 'krt' and s.query not ilike '%pg_stat_statements%'`;
    const [onPrimary, onReplica] = await Promise.all([stats(pg.sql), stats(rsql)]);
    const sum = (xs: { calls: number }[]) => xs.reduce((s, x) => s + x.calls, 0);
    const writes = <T extends { query: string }>(xs: T[]) => xs.filter((x) => /^\s*(insert|update|delete)\b/i.test(x.query));
    const figureReads = onReplica.filter((x) => /from "?loans"?/i.test(x.query) && /\bsum\(|count\(/i.test(x.query));
    const figureOnPrimary = onPrimary.filter(
      (x) => /from "?loans"?/i.test(x.query) && /\bsum\(|count\(/i.test(x.query) && /\bgroup by|filter \(where/i.test(x.query),
    );
    ctx.check(
      `the heavy reads land on the replica (${sum(onReplica)} statements there, ${figureReads.length} kinds of loan aggregates; ${figureOnPrimary.length} on the primary)`,
      sum(onReplica) > 0 && figureReads.length > 0 && figureOnPrimary.length === 0,
      `replica: ${onReplica
        .slice(0, 3)
        .map((x) => x.query.slice(0, 60))
        .join(' | ')}`,
    );
    ctx.check(
      `every write lands on the primary (${sum(writes(onPrimary))} writes there, none on the replica), and a need opens on its page right after it is posted`,
      sum(writes(onPrimary)) > 0 && writes(onReplica).length === 0 && readAfterWrite.length === 0,
      `${readAfterWrite.join(', ')}; primary figure aggregates: ${figureOnPrimary.length}`,
    );

    // The replica stops: the heavy reads are served from the primary.
    await ctl(['-m', 'fast', 'stop']);
    const t0 = Date.now();
    const down = [...(await readHeavy('replica down')), ...(await readHeavy('replica down'))];
    const bad = down.filter((o) => !o.ok);
    ctx.check(
      `with the replica stopped, the heavy reads are served from the primary (${down.length - bad.length} of ${down.length}, the first after ${(down[0].ms / 1000).toFixed(1)} s, all in ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
      bad.length === 0,
      errorDigest(bad),
    );
    await verifyAcknowledged(ctx, pg.sql, f, load.acked, since);
  },
};
