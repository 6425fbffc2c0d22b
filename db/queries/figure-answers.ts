// The zone's figures as last computed by any instance (figure_answers, migration 0020): one row per
// figure key, kept only while its version is the highest written. lib/figures/cache.ts reads a key's
// row before computing it and writes the row after; it decides what a row may be used for.
import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { rowsOf } from '../rows';
import { FIGURE_WRITES_COMMITTED } from './figures';

export interface StoredAnswer {
  /** The figures' data version the answer was computed at (db/queries/figures.ts figuresVersion). */
  version: string;
  /** The answer, as lib/figures/answer-codec.ts encodes it. */
  value: string;
  /** When its data was read: it counts every commit before this. */
  readAt: Date;
  /** How long its computation took (ms). */
  tookMs: number;
}

export async function readFigureAnswer(db: Db, key: string): Promise<StoredAnswer | null> {
  const [r] = rowsOf<{ version: string; value: string; read_at: string | Date; took_ms: number }>(
    await db.execute(sql`select version::text as version, value, read_at, took_ms from figure_answers where key = ${key}`),
  );
  return r ? { version: r.version, value: r.value, readAt: new Date(r.read_at), tookMs: Number(r.took_ms) } : null;
}

/**
 * Keeps `a` as the key's answer unless one of a higher version is already there, or the database's
 * own version is lower than `a`'s: a copy failed over to, or restored, that lost the commits `a`
 * counted would reach that version again with other data.
 */
export async function writeFigureAnswer(db: Db, key: string, a: StoredAnswer): Promise<void> {
  await db.execute(sql`insert into figure_answers (key, version, value, read_at, took_ms)
    select ${key}, ${a.version}::bigint, ${a.value}, ${a.readAt.toISOString()}::timestamptz, ${Math.round(a.tookMs)}
    where ${FIGURE_WRITES_COMMITTED} >= ${a.version}::bigint
    on conflict (key) do update set version = excluded.version, value = excluded.value, read_at = excluded.read_at,
      took_ms = excluded.took_ms, computed_at = now()
    where figure_answers.version <= excluded.version`);
}

/** Deletes the answers last written before `before` (their keys name a zone day long past). Returns how many. */
export async function pruneFigureAnswers(db: Db, before: Date): Promise<number> {
  const rows = rowsOf<{ key: string }>(
    await db.execute(sql`delete from figure_answers where computed_at < ${before.toISOString()}::timestamptz returning key`),
  );
  return rows.length;
}

// On globalThis: Next bundles the modules that register and those that read separately.
const gs = globalThis as unknown as { __kerongtongAnswerStores?: WeakMap<Db, Db> };
const stores = (gs.__kerongtongAnswerStores ??= new WeakMap<Db, Db>());

/**
 * Figures computed through `db` are shared through `store` (a pool on the primary: a replica cannot
 * be written, and the figures' own pool is busy for minutes at province scale). Without this, `db`'s
 * figures stay in the instance (PGlite: one instance; a test's or a transaction's handle).
 */
export function shareFigureAnswersThrough(db: Db, store: Db): void {
  stores.set(db, store);
}

export function figureAnswerStore(db: Db): Db | undefined {
  return stores.get(db);
}
