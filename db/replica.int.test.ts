// Read-replica routing (db/replica.ts) on two real databases: heavy reads land on the replica, a
// replica that cannot be reached hands its reads to the primary (once logged, then skipped for a
// while), a query that is simply wrong is not retried, and a replica behind the caller's version
// is skipped. Also the pool figures and the job queue depth that /api/metrics shows.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db, type DbHandle } from './client';
import { instrumentPool } from './pool-stats';
import { jobQueueDepth, registerJobs } from './queries/jobs';
import { createReadRouter, isUnreachable } from './replica';
import { rowsOf } from './rows';
import { scheduledJobs } from './schema';
import { openTestDb, testDbKind } from './testing';

let primary: DbHandle;
let replica: DbHandle;
let dead: DbHandle;

beforeAll(async () => {
  [primary, replica] = await Promise.all([openTestDb({ poolMax: 2 }), openTestDb({ poolMax: 2 })]);
  // Which database answered: each holds a job row of its own name.
  await registerJobs(primary.db, ['on-primary']);
  await registerJobs(replica.db, ['on-replica']);
  // Nothing listens on port 1: connections are refused at once, as by a stopped server.
  dead = await openDb({ databaseUrl: 'postgres://krt:krt@127.0.0.1:1/krt', poolMax: 1 });
});
afterAll(async () => {
  await Promise.all([primary?.close(), replica?.close(), dead?.close()]);
});

const whoAnswered = async (db: Db) => (await db.select({ name: scheduledJobs.name }).from(scheduledJobs)).map((r) => r.name).join(',');

function recorder() {
  const seen = { down: 0, up: 0, fellBack: 0 };
  return { seen, events: { down: () => seen.down++, up: () => seen.up++, fellBack: () => seen.fellBack++ } };
}

describe(`read replica routing (${testDbKind()})`, () => {
  it('sends reads to the replica when there is one, and to the primary when there is none', async () => {
    expect(await createReadRouter(primary.db, replica.db).read(whoAnswered)).toBe('on-replica');
    expect(await createReadRouter(primary.db, undefined).read(whoAnswered)).toBe('on-primary');
    expect(createReadRouter(primary.db, replica.db).current()).toBe(replica.db);
  });

  it('an unreachable replica: the read is answered by the primary, logged once, and the replica skipped for a while', async () => {
    let t = 0;
    const r = recorder();
    const router = createReadRouter(primary.db, dead.db, { retryAfterMs: 1_000, events: r.events, now: () => t });
    expect(await router.read(whoAnswered)).toBe('on-primary');
    expect(r.seen).toEqual({ down: 1, up: 0, fellBack: 1 });
    expect(router.replicaUp()).toBe(false);
    expect(router.current()).toBe(primary.db);
    // Within the retry window the replica is not tried (no second "down").
    t = 500;
    expect(await router.read(whoAnswered)).toBe('on-primary');
    expect(r.seen).toEqual({ down: 1, up: 0, fellBack: 2 });
    // After it, tried again: still refused, still answered.
    t = 1_500;
    expect(await router.read(whoAnswered)).toBe('on-primary');
    expect(r.seen).toEqual({ down: 1, up: 0, fellBack: 3 });
  });

  it('a replica that comes back gets the reads again', async () => {
    let t = 0;
    let failNext = true;
    const r = recorder();
    const router = createReadRouter(primary.db, replica.db, { retryAfterMs: 1_000, events: r.events, now: () => t });
    const read = (db: Db) => {
      if (db === replica.db && failNext) {
        failNext = false;
        throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
      }
      return whoAnswered(db);
    };
    expect(await router.read(read)).toBe('on-primary');
    t = 2_000;
    expect(await router.read(read)).toBe('on-replica');
    expect(r.seen).toEqual({ down: 1, up: 1, fellBack: 1 });
    expect(router.replicaUp()).toBe(true);
  });

  it('a wrong query on the replica fails as it is, without a second run on the primary', async () => {
    const r = recorder();
    const router = createReadRouter(primary.db, replica.db, { events: r.events });
    let runs = 0;
    const bad = async (db: Db) => {
      runs++;
      return db.execute(sql`select * from no_such_table`);
    };
    await expect(router.read(bad)).rejects.toThrow();
    expect(runs).toBe(1);
    expect(r.seen).toEqual({ down: 0, up: 0, fellBack: 0 });
  });

  it('a replica that has not caught up with what the caller must see is skipped', async () => {
    const router = createReadRouter(primary.db, replica.db);
    expect(await router.read(whoAnswered, { caughtUp: async () => false })).toBe('on-primary');
    expect(await router.read(whoAnswered, { caughtUp: async (db) => db === replica.db })).toBe('on-replica');
  });

  it("recognises the drivers' own connection errors", async () => {
    const refused = await dead.db.execute(sql`select 1`).catch((e: unknown) => e);
    expect(isUnreachable(refused)).toBe(true);
    const wrong = await primary.db.execute(sql`select * from no_such_table`).catch((e: unknown) => e);
    expect(isUnreachable(wrong)).toBe(false);
  });
});

describe(`pool figures and job queue for /api/metrics (${testDbKind()})`, () => {
  it('counts connections in use and work waiting for one, and returns to zero', async () => {
    const stats = instrumentPool(primary);
    const max = primary.kind === 'postgres' ? 2 : 1;
    expect(stats()).toEqual({ inUse: 0, waiting: 0, max });
    // A transaction holds one connection from begin to commit; `max` more queries meanwhile: all
    // but one of them find a connection (PGlite has one, so its query waits for the transaction).
    let during: unknown;
    const queued: Promise<unknown>[] = [];
    await primary.db.transaction(async (t) => {
      await t.execute(sql`select 1`);
      for (let i = 0; i < max; i++) queued.push(Promise.resolve(primary.db.execute(sql`select pg_sleep(0.2)`)));
      await new Promise((r) => setTimeout(r, 100));
      during = stats();
    });
    await Promise.all(queued);
    expect(during).toEqual({ inUse: max, waiting: 1, max });
    expect(stats()).toEqual({ inUse: 0, waiting: 0, max });
    // Wrapped once: a second call returns the same reader.
    expect(instrumentPool(primary)).toBe(stats);
    expect(rowsOf<{ ok: number }>(await primary.db.execute(sql`select 1 as ok`))[0].ok).toBe(1);
  });

  it('job queue depth: due and unclaimed, and running', async () => {
    await registerJobs(primary.db, ['metrics-a', 'metrics-b']);
    await primary.db.execute(sql`update scheduled_jobs set next_run_at = now() + interval '1 hour' where name = 'on-primary'`);
    expect(await jobQueueDepth(primary.db)).toEqual({ due: 2, running: 0 });
    await primary.db.execute(sql`update scheduled_jobs set locked_until = now() + interval '1 minute' where name = 'metrics-a'`);
    expect(await jobQueueDepth(primary.db)).toEqual({ due: 1, running: 1 });
  });
});
