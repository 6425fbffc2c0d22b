// lib/figures/cache.ts on PGlite and PostgreSQL (TEST_DB): an answer is reused only while no
// transaction that wrote to a table the figures may read has committed since it was computed (the
// records no figure reads — notifications, access logs, sign-in attempts — do not count), and never
// inside a transaction that has written.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { openTestDb } from '../../db/testing';
import { foldFigureWrites, figuresVersion, readFiguresVersionThrough } from '../../db/queries/figures';
import { touchLastLogin } from '../../db/queries/users';
import { users } from '../../db/schema';
import { figureBatch, figureBatchOrNull, figureRead } from './cache';
import { heldUntilReleased } from './testing';

let h: DbHandle;
let n = 0;

beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => {
  await h?.close();
});

const settings = async (db: Db) => {
  return rowsOf<{ c: number }>(await db.execute(sql`select count(*)::int as c from app_settings`))[0].c;
};

describe('figureRead', () => {
  it('computes once while nothing commits, again after a commit, and the answer is the fresh one', async () => {
    const before = n;
    const a = await figureRead(h.db, 'k1', () => (n++, settings(h.db)));
    const b = await figureRead(h.db, 'k1', () => (n++, settings(h.db)));
    expect(n - before).toBe(1);
    expect(b).toBe(a);
    await h.db.execute(sql`insert into app_settings (key, value) values ('figure-cache-test-1', 'x')`);
    const c = await figureRead(h.db, 'k1', () => (n++, settings(h.db)));
    expect(n - before).toBe(2);
    expect(c).toBe(a + 1);
    expect(c).toBe(await settings(h.db));
  });

  it('keys are separate', async () => {
    const before = n;
    await figureRead(h.db, 'k2', () => (n++, settings(h.db)));
    await figureRead(h.db, 'k3', () => (n++, settings(h.db)));
    expect(n - before).toBe(2);
  });

  it('does not cache inside a transaction that has written (its own rows do not change the snapshot)', async () => {
    await h.db
      .transaction(async (tx) => {
        const db = tx as unknown as Db;
        await db.execute(sql`insert into app_settings (key, value) values ('figure-cache-test-2', 'x')`);
        const a = await figureRead(db, 'k4', () => settings(db));
        await db.execute(sql`insert into app_settings (key, value) values ('figure-cache-test-3', 'x')`);
        const b = await figureRead(db, 'k4', () => settings(db));
        expect(b).toBe(a + 1);
        throw new Error('rollback');
      })
      .catch((e: Error) => expect(e.message).toBe('rollback'));
  });

  it('after a burst of concurrent writes and reads, answers what the database holds', async () => {
    const writes = Array.from({ length: 20 }, (_, i) => h.db.execute(sql`insert into app_settings (key, value) values (${`figure-cache-burst-${i}`}, 'x')`));
    const reads = Array.from({ length: 20 }, () => figureRead(h.db, 'k6', () => settings(h.db)));
    await Promise.all([...writes, ...reads]);
    expect(await figureRead(h.db, 'k6', () => settings(h.db))).toBe(await settings(h.db));
  });

  it('in a batch, reads the snapshot once for all its figures, and a batch after a commit sees the commit', async () => {
    // The same database handle, counting the snapshot statements it is asked to run.
    let snapshots = 0;
    const db = new Proxy(h.db, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (prop !== 'execute') return typeof v === 'function' ? v.bind(target) : v;
        return (q: Parameters<Db['execute']>[0]) => {
          if (JSON.stringify(q).includes('figure_writes_folded')) snapshots++;
          return target.execute(q);
        };
      },
    }) as Db;
    const reads = () => Promise.all(['b1', 'b2', 'b3'].map((k) => figureRead(db, k, () => settings(db))));
    const { value: first } = await figureBatch(db, 60_000, reads);
    expect(snapshots).toBe(1);
    expect(first).toEqual([first[0], first[0], first[0]]);
    await figureBatch(db, 60_000, reads);
    expect(snapshots).toBe(2);
    await db.execute(sql`insert into app_settings (key, value) values ('figure-cache-batch', 'x')`);
    const after = await figureBatch(db, 60_000, reads);
    expect(after).toEqual({ value: [first[0] + 1, first[0] + 1, first[0] + 1], asOf: null });
    // Outside a batch, each read reads the snapshot itself.
    await reads();
    expect(snapshots).toBe(6);
  });

  it('keeps its answer through writes no figure reads, and drops it on the next write that one may read', async () => {
    const before = n;
    const count = () => (n++, settings(h.db));
    const a = await figureRead(h.db, 'k7', count);
    const [u] = rowsOf<{ id: string }>(await h.db.execute(sql`select id from users limit 1`));
    // A notification, its reading, a sign-in attempt: none of them changes a figure.
    if (u) await h.db.execute(sql`insert into notifications (user_id, kind) values (${u.id}, 'x')`);
    await h.db.execute(sql`update notifications set read_at = now() where read_at is null`);
    await h.db.execute(sql`insert into login_attempts (email, ip, succeeded) values ('figure-cache@example.com', '127.0.0.1', false)`);
    expect(await figureRead(h.db, 'k7', count)).toBe(a);
    expect(n - before).toBe(1);
    await h.db.execute(sql`insert into app_settings (key, value) values ('figure-cache-test-7', 'x')`);
    expect(await figureRead(h.db, 'k7', count)).toBe(a + 1);
    expect(n - before).toBe(2);
  });

  it('a rolled-back write leaves the version; folding the log into its total leaves it too', async () => {
    const v0 = await figuresVersion(h.db);
    await h.db
      .transaction(async (tx) => {
        await (tx as unknown as Db).execute(sql`insert into app_settings (key, value) values ('figure-cache-rolled-back', 'x')`);
        expect(await figuresVersion(tx as unknown as Db)).toBeNull();
        throw new Error('rollback');
      })
      .catch((e: Error) => expect(e.message).toBe('rollback'));
    expect(await figuresVersion(h.db)).toBe(v0);
    await h.db.execute(sql`insert into app_settings (key, value) values ('figure-cache-fold', 'x')`);
    const v1 = await figuresVersion(h.db);
    expect(Number(v1)).toBe(Number(v0) + 1);
    // How many rows fold depends on the whole server's oldest running transaction (other test files
    // run beside this one): the version must not change whatever folds.
    const folded = await foldFigureWrites(h.db);
    expect(folded).toBeGreaterThanOrEqual(0);
    expect(await figuresVersion(h.db)).toBe(v1);
  });

  it('a sign-in (the user’s last sign-in time) leaves the version alone; any other change to a user changes it', async () => {
    const [u] = await h.db
      .insert(users)
      .values({ name: '版本测试', email: 'version-test@example.cn', passwordHash: 'x', role: 'admin' })
      .returning({ id: users.id });
    const v0 = await figuresVersion(h.db);
    await touchLastLogin(h.db, u.id);
    await touchLastLogin(h.db, u.id);
    expect(await figuresVersion(h.db)).toBe(v0);
    await h.db.update(users).set({ name: '版本测试二' }).where(eq(users.id, u.id));
    expect(BigInt((await figuresVersion(h.db))!)).toBe(BigInt(v0!) + 1n);
    await h.db.update(users).set({ status: 'disabled', lastLoginAt: new Date() }).where(eq(users.id, u.id));
    expect(BigInt((await figuresVersion(h.db))!)).toBe(BigInt(v0!) + 2n);
  });

  it('the users table’s update trigger covers every column but the last sign-in time (a new column is noted too)', async () => {
    const rows = rowsOf<{ col: string; noted: boolean }>(
      await h.db.execute(sql`select a.attname as col, exists (select 1 from pg_trigger g where g.tgrelid = a.attrelid
          and g.tgname = 'users_figure_write_update' and a.attnum = any(g.tgattr::int2[])) as noted
        from pg_attribute a where a.attrelid = 'users'::regclass and a.attnum > 0 and not a.attisdropped order by a.attnum`),
    );
    expect(rows.filter((r) => !r.noted).map((r) => r.col)).toEqual(['last_login_at']);
    expect(rows.length).toBeGreaterThan(10);
  });

  it('every table is either noted by the version trigger or one of the records no figure reads', async () => {
    const rows = rowsOf<{ t: string; noted: boolean }>(
      await h.db.execute(sql`select c.relname as t, exists (select 1 from pg_trigger g where g.tgrelid = c.oid and g.tgname = c.relname || '_figure_write') as noted
        from pg_class c join pg_namespace s on s.oid = c.relnamespace
        where s.nspname = 'public' and c.relkind = 'r' and c.relname not like '%drizzle%' order by 1`),
    );
    const notNoted = rows.filter((r) => !r.noted).map((r) => r.t);
    // A new table must be classified: a figure that reads it needs the trigger (a migration like 0017's).
    expect(notNoted).toEqual([
      'blob_chunks',
      'blobs',
      'catalogue_state',
      'consent_access_log',
      'document_access_log',
      'figure_answers',
      'figure_claims',
      'figure_snapshots',
      'figure_writes',
      'figure_writes_folded',
      'login_attempts',
      'notifications',
      'password_reset_tokens',
      'registration_attempts',
      'scheduled_jobs',
    ]);
  });

  it('forgets every answer when the version goes down (a restore), so the same count later is not the old data', async () => {
    const version = async () => BigInt((await figuresVersion(h.db))!);
    const setVersion = async (target: bigint) => {
      // figure_writes_folded is the running total (migration 0017); moving it is what a restore to an earlier point looks like.
      await h.db.execute(sql`update figure_writes_folded set n = n + ${String(target - (await version()))}::bigint`);
      if ((await version()) !== target) await h.db.execute(sql`update figure_writes_folded set n = n + ${String(target - (await version()))}::bigint`);
    };
    const v = await version();
    let computed = 0;
    await figureRead(h.db, 'restore-a', async () => (computed++, 'a'));
    await figureRead(h.db, 'restore-b', async () => (computed++, 'b before'));
    await setVersion(v - 1000n);
    expect(await version()).toBeLessThan(v);
    await figureRead(h.db, 'restore-a', async () => (computed++, 'a'));
    await setVersion(v);
    expect(await version()).toBe(v);
    expect(await figureRead(h.db, 'restore-b', async () => (computed++, 'b after'))).toBe('b after');
    expect(computed).toBe(4);
  });

  it('within its wait, a batch answers the current figures; past it, the previous ones and as of when', async () => {
    const db = h.db;
    let computed = 0;
    let gate: () => void = () => {};
    let slow = false;
    const count = async () => {
      computed++;
      if (slow) await new Promise<void>((resolve) => (gate = resolve));
      return settings(db);
    };
    const read = () => Promise.all([figureRead(db, 'w1', count), figureRead(db, 'w2', async () => 'cheap')]);

    const before = new Date();
    const first = await figureBatch(db, 5_000, read);
    const after = new Date();
    expect(first.asOf).toBeNull();
    expect(first.value).toEqual([await settings(db), 'cheap']);
    expect(computed).toBe(1);

    await db.execute(sql`insert into app_settings (key, value) values ('figure-cache-within-1', 'x')`);
    slow = true;
    const late = await figureBatch(db, 50, read);
    // The count as it stood, said to be as of the first batch's reading; the cheap figure is current.
    expect(late.value).toEqual([first.value[0], 'cheap']);
    expect(late.asOf).not.toBeNull();
    expect(late.asOf!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(late.asOf!.getTime()).toBeLessThanOrEqual(after.getTime());
    // The fresh count was started once, not again by the second pass.
    expect(computed).toBe(2);

    // It goes on computing; once done, the next batch answers it with no date.
    gate();
    const fresh = await figureBatch(db, 5_000, read);
    expect(fresh).toEqual({ value: [first.value[0] + 1, 'cheap'], asOf: null });
    expect(fresh.value[0]).toBe(await settings(db));
    expect(computed).toBe(2);
  });

  it('joins a computation that has run longer than the wait instead of starting one per write', async () => {
    const db = h.db;
    let computed = 0;
    const gates: (() => void)[] = [];
    let slow = false;
    const count = async () => {
      computed++;
      if (slow) await new Promise<void>((resolve) => gates.push(resolve));
      return settings(db);
    };
    const read = () => figureRead(db, 'w5', count);
    const first = await figureBatch(db, 5_000, read);
    slow = true;
    await db.execute(sql`insert into app_settings (key, value) values ('figure-cache-join-1', 'x')`);
    expect((await figureBatch(db, 50, read)).value).toBe(first.value);
    expect(computed).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 60));
    // Another write while that computation runs: the next dashboards wait for it, not for a third.
    await db.execute(sql`insert into app_settings (key, value) values ('figure-cache-join-2', 'x')`);
    const joined = await figureBatch(db, 50, read);
    expect(joined.value).toBe(first.value);
    expect(joined.asOf).not.toBeNull();
    expect(computed).toBe(2);
    // An exact reader does not join it: it computes the current figures.
    slow = false;
    expect(await figureRead(db, 'w5-exact', count)).toBe(await settings(db));
    for (const open of gates.splice(0)) open();
    const after = await figureBatch(db, 5_000, read);
    expect(after).toEqual({ value: await settings(db), asOf: null });
    expect(after.value).toBe(first.value + 2);
  });

  it('does not wait for a figure whose last computation took longer than the wait', async () => {
    const db = h.db;
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // Computed once, in 2.1 s (no earlier answer: waited for).
    const first = await figureBatch(db, 2_000, () => figureRead(db, 'w6', async () => (await sleep(2_100), settings(db))));
    expect(first.asOf).toBeNull();
    await db.execute(sql`insert into app_settings (key, value) values ('figure-cache-hopeless', 'x')`);
    const t0 = Date.now();
    const late = await figureBatch(db, 2_000, () => figureRead(db, 'w6', () => new Promise<number>(() => {})));
    // The earlier answer at once, not after the 2 s that would not have been enough.
    expect(Date.now() - t0).toBeLessThan(1_500);
    expect(late.value).toBe(first.value);
    expect(late.asOf).not.toBeNull();
    // That computation, now longer than the last one took (overdue), is joined without a wait too.
    await sleep(2_200);
    await db.execute(sql`insert into app_settings (key, value) values ('figure-cache-overdue', 'x')`);
    const t1 = Date.now();
    const overdue = await figureBatch(db, 2_000, () => figureRead(db, 'w6', () => new Promise<number>(() => {})));
    expect(Date.now() - t1).toBeLessThan(1_500);
    expect(overdue.value).toBe(first.value);
  });

  it('figureBatchOrNull: past the wait, a figure never computed is not waited for (null); one with an earlier answer is shown dated', async () => {
    const db = h.db;
    const { gate, release } = heldUntilReleased();
    let computed = 0;
    const slow = async () => {
      computed++;
      await gate;
      return settings(db);
    };
    const read = () => Promise.all([figureRead(db, 'n1-cheap', async () => 'cheap'), figureRead(db, 'n1', slow)]);
    const t0 = Date.now();
    expect(await figureBatchOrNull(db, 100, read)).toBeNull();
    expect(Date.now() - t0).toBeLessThan(2_000);
    // It goes on computing, once: the next batch finds it.
    expect(await figureBatchOrNull(db, 100, read)).toBeNull();
    release();
    const done = await figureBatchOrNull(db, 5_000, read);
    expect(done).toEqual({ value: ['cheap', await settings(db)], asOf: null });
    expect(computed).toBe(1);
    // After a write the figure has an earlier answer: shown dated, not null.
    await db.execute(sql`insert into app_settings (key, value) values ('figure-cache-or-null', 'x')`);
    const dated = await figureBatchOrNull(db, 50, () => figureRead(db, 'n1', () => new Promise<number>(() => {})));
    expect(dated?.value).toBe(done?.value[1]);
    expect(dated?.asOf).not.toBeNull();
    // With no limit to the wait there is never a null.
    expect(await figureBatchOrNull(db, Number.POSITIVE_INFINITY, () => figureRead(db, 'n2', async () => 'waited'))).toEqual({ value: 'waited', asOf: null });
  });

  it('figureBatchOrNull reports a figure never computed whose computation failed, instead of saying it is being computed again', async () => {
    const db = h.db;
    let computed = 0;
    let fail: (e: Error) => void = () => {};
    const failing = async () => {
      computed++;
      return new Promise<number>((_, reject) => (fail = reject));
    };
    const read = () => figureRead(db, 'n3', failing);
    expect(await figureBatchOrNull(db, 50, read)).toBeNull();
    fail(new Error('canceling statement due to statement timeout'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(figureBatchOrNull(db, 50, read)).rejects.toThrow('statement timeout');
    await expect(figureBatchOrNull(db, 50, read)).rejects.toThrow('statement timeout');
    expect(computed).toBe(1);
    // An exact reader computes again (and so may a page after a while).
    expect(await figureRead(db, 'n3', async () => (computed++, 5))).toBe(5);
    expect(computed).toBe(2);
  });

  it('with no limit to its wait (the embedded PGlite), answers the current figures however long they take', async () => {
    const db = h.db;
    const first = await figureBatch(db, Number.POSITIVE_INFINITY, () => figureRead(db, 'w7', () => settings(db)));
    await db.execute(sql`insert into app_settings (key, value) values ('figure-cache-no-limit', 'x')`);
    const slow = async () => (await new Promise((resolve) => setTimeout(resolve, 300)), settings(db));
    expect(await figureBatch(db, Number.POSITIVE_INFINITY, () => figureRead(db, 'w7', slow))).toEqual({ value: first.value + 1, asOf: null });
  });

  it('past its wait, a figure never computed before is still waited for', async () => {
    let gate: () => void = () => {};
    const opened = new Promise<void>((resolve) => (gate = resolve));
    setTimeout(gate, 100);
    const answer = await figureBatch(h.db, 10, () => figureRead(h.db, 'w3', async () => (await opened, settings(h.db))));
    expect(answer).toEqual({ value: await settings(h.db), asOf: null });
  });

  it('past its wait, a previous answer is still served after the fresh computation failed, and a failure within the wait is thrown', async () => {
    const db = h.db;
    const first = await figureBatch(db, 5_000, () => figureRead(db, 'w4', () => settings(db)));
    await db.execute(sql`insert into app_settings (key, value) values ('figure-cache-within-2', 'x')`);
    await expect(figureBatch(db, 5_000, () => figureRead(db, 'w4', () => Promise.reject(new Error('boom'))))).rejects.toThrow('boom');
    const late = await figureBatch(db, 10, () => figureRead(db, 'w4', () => new Promise<number>(() => {})));
    expect(late.value).toBe(first.value);
    expect(late.asOf).not.toBeNull();
  });

  it('reads the version through the pool it is told to, not the busy figures pool', async () => {
    const busy = new Proxy(h.db, {
      get(target, prop, receiver) {
        if (prop === 'execute') return () => Promise.reject(new Error('the figures pool is busy'));
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    }) as Db;
    await expect(figuresVersion(busy)).rejects.toThrow('busy');
    readFiguresVersionThrough(busy, h.db);
    expect(await figuresVersion(busy)).toBe(await figuresVersion(h.db));
  });

  it('calls that come while the key computes for an earlier version share one computation after it, which counts their writes', async () => {
    const db = h.db;
    let computed = 0;
    let gate: () => void = () => {};
    let hasRead: () => void = () => {};
    const firstHasRead = new Promise<void>((resolve) => (hasRead = resolve));
    // The first computation reads, then takes its time: its answer is from before the writes below.
    const slowOnce = async () => {
      computed++;
      const n = await settings(db);
      if (computed === 1) {
        hasRead();
        await new Promise<void>((resolve) => (gate = resolve));
      }
      return n;
    };
    const running = figureRead(db, 'x1', slowOnce);
    await firstHasRead;
    const writes = ['figure-cache-next-1', 'figure-cache-next-2'];
    await db.execute(sql`insert into app_settings (key, value) values (${writes[0]}, 'x')`);
    const a = figureRead(db, 'x1', slowOnce);
    await db.execute(sql`insert into app_settings (key, value) values (${writes[1]}, 'x')`);
    const b = figureRead(db, 'x1', slowOnce);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Nothing new starts beside the running computation.
    expect(computed).toBe(1);
    gate();
    const before = await running;
    const [ra, rb] = await Promise.all([a, b]);
    // One computation after it, for both, counting both writes.
    expect(computed).toBe(2);
    expect(ra).toBe(await settings(db));
    expect(rb).toBe(ra);
    expect(ra).toBeGreaterThanOrEqual(before + 2);
  });

  it('a key with nothing computed yet shows, in a batch that cannot wait, its earlier key’s answer dated (a new zone day)', async () => {
    const yesterday = await figureRead(h.db, 'day-1', () => settings(h.db));
    await h.db.execute(sql`insert into app_settings (key, value) values ('figure-cache-new-day', 'x')`);
    const { gate, release } = heldUntilReleased();
    const slow = async () => {
      const n = await settings(h.db);
      await gate;
      return n;
    };
    const dated = await figureBatch(h.db, 50, () => figureRead(h.db, 'day-2', slow, 'day-1'));
    expect(dated.value).toBe(yesterday);
    expect(dated.asOf).not.toBeNull();
    release();
    expect(await figureRead(h.db, 'day-2', slow, 'day-1')).toBe(yesterday + 1);
    // Without an earlier key there is nothing to show: the batch waits for the computation.
    const alone = await figureBatch(h.db, 50, () => figureRead(h.db, 'day-3', async () => (await new Promise((r) => setTimeout(r, 150)), 'computed')));
    expect(alone).toEqual({ value: 'computed', asOf: null });
  });

  it('does not keep a failure', async () => {
    await expect(figureRead(h.db, 'k5', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(figureRead(h.db, 'k5', () => settings(h.db))).resolves.toBeTypeOf('number');
  });
});
