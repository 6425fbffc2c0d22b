// lib/figures/cache.ts on PGlite and PostgreSQL (TEST_DB): an answer is reused only while no
// transaction has committed since it was computed, and never inside a transaction that has written.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { openTestDb } from '../../db/testing';
import { figureBatch, figureRead } from './cache';

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
          if (JSON.stringify(q).includes('pg_current_snapshot')) snapshots++;
          return target.execute(q);
        };
      },
    }) as Db;
    const reads = () => Promise.all(['b1', 'b2', 'b3'].map((k) => figureRead(db, k, () => settings(db))));
    const first = await figureBatch(db, reads);
    expect(snapshots).toBe(1);
    expect(first).toEqual([first[0], first[0], first[0]]);
    await figureBatch(db, reads);
    expect(snapshots).toBe(2);
    await db.execute(sql`insert into app_settings (key, value) values ('figure-cache-batch', 'x')`);
    const after = await figureBatch(db, reads);
    expect(after).toEqual([first[0] + 1, first[0] + 1, first[0] + 1]);
    // Outside a batch, each read reads the snapshot itself.
    await reads();
    expect(snapshots).toBe(6);
  });

  it('does not keep a failure', async () => {
    await expect(figureRead(h.db, 'k5', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(figureRead(h.db, 'k5', () => settings(h.db))).resolves.toBeTypeOf('number');
  });
});
