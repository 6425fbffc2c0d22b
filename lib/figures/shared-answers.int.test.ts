// lib/figures/cache.ts with the answers every instance shares (figure_answers, migration 0020), on
// PGlite and PostgreSQL (TEST_DB). "Another instance" is another handle on the same database: the
// cache is per handle, so it has nothing of the first one's in memory.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { openTestDb } from '../../db/testing';
import { eventually, heldUntilReleased, otherInstance } from './testing';
import {
  claimFigure,
  pruneFigureAnswers,
  readFigureAnswer,
  renewFigureClaim,
  shareFigureAnswersThrough,
  writeFigureAnswer,
} from '../../db/queries/figure-answers';
import { figuresVersion } from '../../db/queries/figures';
import { figureBatch, figureRead, storedKey } from './cache';

let h: DbHandle;

beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => {
  await h?.close();
});

const instance = (share = true) => otherInstance(h.db, share);

const settings = async (db: Db) => rowsOf<{ c: number }>(await db.execute(sql`select count(*)::int as c from app_settings`))[0].c;
const write = (tag: string) => h.db.execute(sql`insert into app_settings (key, value) values (${`shared-answers-${tag}`}, 'x')`);

/** The stored answer of `key` once it is there at `version` (it is written after the caller has its answer). */
async function storedAt(key: string, version: string) {
  for (let i = 0; i < 100; i++) {
    const s = await readFigureAnswer(h.db, storedKey(key));
    if (s?.version === version) return s;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no stored answer for ${key} at version ${version}`);
}

const claimsOf = async (key: string) =>
  rowsOf<{ claimed_by: string }>(await h.db.execute(sql`select claimed_by from figure_claims where key = ${storedKey(key)}`));

describe('answers shared between instances', () => {
  it('an answer computed on one instance is served by another at the same version, amounts intact, without computing', async () => {
    const a = instance();
    const b = instance();
    let computed = 0;
    const compute = async () => (computed++, { count: await settings(h.db), disbursedFen: 123_456_789_012_345n, rate: null });
    const first = await figureRead(a, 's1', compute);
    await storedAt('s1', (await figuresVersion(h.db))!);
    const second = await figureRead(b, 's1', compute);
    expect(computed).toBe(1);
    expect(second).toStrictEqual(first);
    expect(typeof (second as { disbursedFen: unknown }).disbursedFen).toBe('bigint');
  });

  it('after a write the other instance computes afresh; a batch there that cannot wait shows the stored answer with its time', async () => {
    const a = instance();
    const b = instance();
    const old = await figureRead(a, 's2', () => settings(h.db));
    const stored = await storedAt('s2', (await figuresVersion(h.db))!);
    await write('s2');
    const { gate, release } = heldUntilReleased();
    let computed = 0;
    const slow = async () => {
      computed++;
      const n = await settings(h.db);
      await gate;
      return n;
    };
    const dated = await figureBatch(b, 50, () => figureRead(b, 's2', slow));
    expect(dated.value).toBe(old);
    expect(dated.asOf?.getTime()).toBe(stored.readAt.getTime());
    // The fresh computation starts once the instance holds the key's claim (one statement later).
    await eventually(async () => computed === 1);
    release();
    const fresh = await figureBatch(b, Number.POSITIVE_INFINITY, () => figureRead(b, 's2', slow));
    expect(fresh.asOf).toBeNull();
    expect(fresh.value).toBe(old + 1);
    expect(computed).toBe(1);
    // …and shares it: the first instance, which had the old one, takes the new one without computing.
    await storedAt('s2', (await figuresVersion(h.db))!);
    expect(await figureRead(a, 's2', async () => -1)).toBe(old + 1);
  });

  it('a batch on a fresh instance does not wait for a figure whose stored computation took longer than its wait', async () => {
    // Another instance computed it in a minute, then something was written.
    const version = (await figuresVersion(h.db))!;
    await writeFigureAnswer(h.db, storedKey('s7'), { version, value: '41', readAt: new Date(), tookMs: 60_000 });
    await write('s7');
    const b = instance();
    const { gate, release } = heldUntilReleased();
    const t0 = Date.now();
    const dated = await figureBatch(b, 5_000, () => figureRead(b, 's7', async () => (await gate, 42)));
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(dated.value).toBe(41);
    expect(dated.asOf).not.toBeNull();
    release();
    expect(await figureRead(b, 's7', async () => -1)).toBe(42);
  });

  it('a fresh instance shows, dated, the stored answer of a key’s earlier key (a new zone day) while it computes', async () => {
    const a = instance();
    const old = await figureRead(a, 'sd-1', () => settings(h.db));
    await storedAt('sd-1', (await figuresVersion(h.db))!);
    await write('sd');
    const b = instance();
    const { gate, release } = heldUntilReleased();
    const dated = await figureBatch(b, 50, () => figureRead(b, 'sd-2', async () => (await gate, -1), 'sd-1'));
    expect(dated.value).toBe(old);
    expect(dated.asOf).not.toBeNull();
    release();
  });

  it('leaves alone a stored answer of a later version than the database’s (a restore, a lagging replica)', async () => {
    const version = BigInt((await figuresVersion(h.db))!);
    // As a replica's reader finds it (the primary is ahead): written there, not through writeFigureAnswer here.
    await h.db.execute(sql`insert into figure_answers (key, version, value, read_at, took_ms)
      values (${storedKey('s3')}, ${String(version + 100n)}::bigint, '"from elsewhere"', now(), 1)`);
    // Not the answer, nor what a batch that cannot wait shows: the figure is waited for, as if none were stored.
    const db = instance();
    const slow = async () => (await new Promise((resolve) => setTimeout(resolve, 150)), 'computed here');
    expect(await figureBatch(db, 50, () => figureRead(db, 's3', slow))).toEqual({ value: 'computed here', asOf: null });
    // The store keeps the later one: a lower version does not replace it.
    expect((await readFigureAnswer(h.db, storedKey('s3')))?.value).toBe('"from elsewhere"');
  });

  it('a store that cannot be read only means computing here', async () => {
    const db = Object.create(h.db) as Db;
    const broken = Object.create(h.db) as Db;
    broken.execute = (() => Promise.reject(new Error('store down'))) as unknown as Db['execute'];
    shareFigureAnswersThrough(db, broken);
    expect(await figureRead(db, 's4', async () => 'still answered')).toBe('still answered');
  });

  it('an instance that does not share writes nothing', async () => {
    expect(await figureRead(instance(false), 's5', async () => 'mine')).toBe('mine');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await readFigureAnswer(h.db, storedKey('s5'))).toBeNull();
  });

  it('stores answers under this build’s id: a deploy that changes a figure is not served the previous build’s', async () => {
    await figureRead(instance(), 's8', async () => 'this build');
    await storedAt('s8', (await figuresVersion(h.db))!);
    expect(storedKey('s8')).not.toBe('s8');
    expect(await readFigureAnswer(h.db, 's8')).toBeNull();
    // Another build's row for the same figure at the current version is not this build's answer.
    await writeFigureAnswer(h.db, 'build-other s8b', { version: (await figuresVersion(h.db))!, value: '"other build"', readAt: new Date(), tookMs: 1 });
    expect(await figureRead(instance(), 's8b', async () => 'computed by this build')).toBe('computed by this build');
  });

  it('refuses an answer of a version the database has not reached (a failover or restore that lost commits)', async () => {
    const version = BigInt((await figuresVersion(h.db))!);
    await writeFigureAnswer(h.db, 's9', { version: String(version + 2n), value: '1', readAt: new Date(), tookMs: 1 });
    expect(await readFigureAnswer(h.db, 's9')).toBeNull();
    await writeFigureAnswer(h.db, 's9', { version: String(version), value: '2', readAt: new Date(), tookMs: 1 });
    expect((await readFigureAnswer(h.db, 's9'))?.value).toBe('2');
  });

  it('a store that does not answer delays neither the computation nor a batch past its wait', async () => {
    const db = Object.create(h.db) as Db;
    const hanging = Object.create(h.db) as Db;
    hanging.execute = (() => new Promise(() => {})) as unknown as Db['execute'];
    shareFigureAnswersThrough(db, hanging);
    expect(await figureRead(db, 's10', async () => 'first')).toBe('first');
    await write('s10');
    const { gate, release } = heldUntilReleased();
    const dated = await figureBatch(db, 100, () => figureRead(db, 's10', async () => (await gate, 'second')));
    expect(dated.value).toBe('first');
    expect(dated.asOf).not.toBeNull();
    release();
  });

  it('a second instance that needs a figure another is computing at the same version waits for that answer instead of computing it', async () => {
    const a = instance();
    const b = instance();
    await write('c1');
    const { gate, release } = heldUntilReleased();
    let computed = 0;
    const compute = async () => {
      computed++;
      const n = await settings(h.db);
      await gate;
      return { n, fen: 9_007_199_254_740_993n };
    };
    const first = figureRead(a, 'c1', compute);
    await eventually(async () => (await claimsOf('c1')).length === 1);
    const second = figureRead(b, 'c1', compute);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(computed).toBe(1);
    release();
    const [x, y] = await Promise.all([first, second]);
    expect(y).toStrictEqual(x);
    expect(computed).toBe(1);
    // The claim ends with the answer's write (after the callers have the answer).
    await eventually(async () => (await claimsOf('c1')).length === 0);
  });

  it('a claim left by an instance that stopped lapses, and the waiting instance then computes', async () => {
    const version = (await figuresVersion(h.db))!;
    await h.db.execute(sql`insert into figure_claims (key, version, claimed_by, until)
      values (${storedKey('c2')}, ${version}::bigint, 'gone-1', now() + interval '400 milliseconds')`);
    const t0 = Date.now();
    expect(await figureRead(instance(), 'c2', async () => 'computed after the lapse')).toBe('computed after the lapse');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(350);
    // Ended with the answer's write (after the caller has the answer).
    await eventually(async () => (await claimsOf('c2')).length === 0);
  });

  it('a computation that fails ends its claim at once: the other instance computes without waiting for the lease', async () => {
    const a = instance();
    const b = instance();
    await write('c3');
    let fail: (e: Error) => void = () => {};
    const failing = new Promise<never>((_, reject) => (fail = reject));
    const first = figureRead(a, 'c3', () => failing);
    first.catch(() => {});
    await eventually(async () => (await claimsOf('c3')).length === 1);
    const second = figureRead(b, 'c3', async () => 'computed by b');
    fail(new Error('statement timeout'));
    await expect(first).rejects.toThrow('statement timeout');
    const t0 = Date.now();
    expect(await second).toBe('computed by b');
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('claims are per version: an instance that read a later version does not wait for an earlier one’s computation', async () => {
    const version = BigInt((await figuresVersion(h.db))!);
    await h.db.execute(sql`insert into figure_claims (key, version, claimed_by, until)
      values (${storedKey('c4')}, ${String(version - 1n)}::bigint, 'busy-1', now() + interval '1 minute')`);
    const t0 = Date.now();
    expect(await figureRead(instance(), 'c4', async () => 'current')).toBe('current');
    expect(Date.now() - t0).toBeLessThan(1_000);
  });

  it('a claim is held while renewed, by its holder only, and gives way to the stored answer', async () => {
    const version = (await figuresVersion(h.db))!;
    const key = storedKey('c5');
    expect(await claimFigure(h.db, key, version, 'one', 200)).toEqual({ claimed: true });
    expect(await claimFigure(h.db, key, version, 'two', 200)).toEqual({ claimed: false });
    expect(await renewFigureClaim(h.db, key, version, 'one', 60_000)).toBe(true);
    expect(await renewFigureClaim(h.db, key, version, 'two', 60_000)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Renewed past its first lease: still one's.
    expect(await claimFigure(h.db, key, version, 'two', 200)).toEqual({ claimed: false });
    await writeFigureAnswer(h.db, key, { version, value: '"done"', readAt: new Date(), tookMs: 5 });
    expect(await claimFigure(h.db, key, version, 'two', 200)).toMatchObject({ stored: { version, value: '"done"', tookMs: 5 } });
  });

  it('an instance waiting at a version takes a later version’s stored answer (the store keeps only the latest), not one the database has not reached', async () => {
    const key = storedKey('c6');
    const version = (await figuresVersion(h.db))!;
    await write('c6');
    const later = (await figuresVersion(h.db))!;
    expect(BigInt(later)).toBeGreaterThan(BigInt(version));
    await writeFigureAnswer(h.db, key, { version: later, value: '"later"', readAt: new Date(), tookMs: 7 });
    expect(await claimFigure(h.db, key, version, 'waiter', 200)).toMatchObject({ stored: { version: later, value: '"later"' } });
    // Not one beyond the database's version (a restore or a failover that lost commits).
    await h.db.execute(sql`update figure_answers set version = version + 100 where key = ${key}`);
    expect(await claimFigure(h.db, key, version, 'waiter', 200)).toEqual({ claimed: true });
  });

  it('prunes the answers not written since a moment', async () => {
    await writeFigureAnswer(h.db, 's6', { version: '1', value: '1', readAt: new Date(), tookMs: 1 });
    expect(await pruneFigureAnswers(h.db, new Date(Date.now() - 60_000))).toBe(0);
    expect(await pruneFigureAnswers(h.db, new Date(Date.now() + 60_000))).toBeGreaterThanOrEqual(1);
    expect(await readFigureAnswer(h.db, 's6')).toBeNull();
  });
});
