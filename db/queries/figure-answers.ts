// The zone's figures as last computed by any instance (figure_answers, migration 0020): one row per
// figure key, kept only while its version is the highest written; and which instance is computing a
// key at a version now (figure_claims, migration 0022), so that the others wait for its answer. lib/figures/cache.ts reads a key's
// row before computing it and writes the row after; it decides what a row may be used for.
import { type SQL, sql } from 'drizzle-orm';
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
  await db.execute(keepAnswer(key, a));
}

/** writeFigureAnswer's statement: `a` as the key's answer unless a later one is there or the database has not reached it. */
function keepAnswer(key: string, a: StoredAnswer): SQL {
  return sql`insert into figure_answers (key, version, value, read_at, took_ms)
    select ${key}, ${a.version}::bigint, ${a.value}, ${a.readAt.toISOString()}::timestamptz, ${Math.round(a.tookMs)}
    where ${FIGURE_WRITES_COMMITTED} >= ${a.version}::bigint
    on conflict (key) do update set version = excluded.version, value = excluded.value, read_at = excluded.read_at,
      took_ms = excluded.took_ms, computed_at = now()
    where figure_answers.version <= excluded.version`;
}

/**
 * Writes `a` as writeFigureAnswer does and, in the same statement, ends `by`'s claim on the key at
 * `a`'s version: an instance waiting for the answer never sees the claim gone without the answer.
 */
export async function writeClaimedAnswer(db: Db, key: string, a: StoredAnswer, by: string): Promise<void> {
  await db.execute(sql`with answer as (${keepAnswer(key, a)} returning 1)
    delete from figure_claims where key = ${key} and version = ${a.version}::bigint and claimed_by = ${by}`);
}

export type ClaimOutcome =
  /** The key's answer at the version or a later one is stored (another instance computed it): use it. */
  | { stored: StoredAnswer }
  /** The caller now holds the claim until `leaseMs` from now: compute, keep it alive, then write or end it. */
  | { claimed: true }
  /** Another instance holds a live claim at this version: wait and ask again. */
  | { claimed: false };

/**
 * One step of "compute a figure once across instances": the key's stored answer at `version` or a
 * later one the database has reached (it counts every commit the caller's reading counted, and
 * more: the current figures for a request still waiting; the store keeps only the latest version,
 * so a waiter at `version` may find its successor there); otherwise the claim to compute it, unless
 * another instance holds a live one at that version (a lapsed claim, or one of `by`'s own, is taken
 * over). One statement; its answer check reads the statement's snapshot, so a caller that wins the
 * claim asks once more before computing (an answer committed while it waited on the claim's row).
 */
export async function claimFigure(db: Db, key: string, version: string, by: string, leaseMs: number): Promise<ClaimOutcome> {
  const [r] = rowsOf<{ mine: boolean; version: string | null; value: string | null; read_at: string | Date | null; took_ms: number | null }>(
    await db.execute(sql`with answer as (select version, value, read_at, took_ms from figure_answers
        where key = ${key} and version >= ${version}::bigint and version <= ${FIGURE_WRITES_COMMITTED}),
      claim as (insert into figure_claims (key, version, claimed_by, until)
        select ${key}, ${version}::bigint, ${by}, now() + ${leaseMs} * interval '1 millisecond'
        where not exists (select 1 from answer)
        on conflict (key, version) do update set claimed_by = excluded.claimed_by, until = excluded.until
        where figure_claims.until < now() or figure_claims.claimed_by = excluded.claimed_by
        returning 1)
      select exists (select 1 from claim) as mine, a.version::text as version, a.value, a.read_at, a.took_ms
      from (select 1) one left join answer a on true`),
  );
  if (r?.value != null && r.version != null) {
    return { stored: { version: r.version, value: r.value, readAt: new Date(r.read_at as string | Date), tookMs: Number(r.took_ms) } };
  }
  return { claimed: !!r?.mine };
}

/** Keeps `by`'s claim on the key at `version` alive for `leaseMs` more; false when it is no longer theirs. */
export async function renewFigureClaim(db: Db, key: string, version: string, by: string, leaseMs: number): Promise<boolean> {
  const rows = rowsOf<{ key: string }>(
    await db.execute(sql`update figure_claims set until = now() + ${leaseMs} * interval '1 millisecond'
      where key = ${key} and version = ${version}::bigint and claimed_by = ${by} returning key`),
  );
  return rows.length === 1;
}

/** Ends `by`'s claim without an answer (the computation failed): the next instance that needs it computes. */
export async function endFigureClaim(db: Db, key: string, version: string, by: string): Promise<void> {
  await db.execute(sql`delete from figure_claims where key = ${key} and version = ${version}::bigint and claimed_by = ${by}`);
}

/** Deletes the answers last written before `before` (their keys name a zone day long past). Returns how many. */
export async function pruneFigureAnswers(db: Db, before: Date): Promise<number> {
  const rows = rowsOf<{ key: string }>(
    await db.execute(sql`delete from figure_answers where computed_at < ${before.toISOString()}::timestamptz returning key`),
  );
  // Claims of instances that stopped mid-computation (lapsed long since).
  await db.execute(sql`delete from figure_claims where until < ${before.toISOString()}::timestamptz`);
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
