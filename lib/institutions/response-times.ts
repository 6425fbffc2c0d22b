// Every institution's median response times (DESIGN §3: shown on its product pages, scored by
// matching). A median over all of an institution's applications cannot be kept up incrementally and
// takes tens of seconds at province scale (10M applications: 29 s, longer than a request's statement
// may run), so the 'response-times' job computes them for every institution into a snapshot shared
// by every instance (figure_snapshots), every RESPONSE_TIMES_REFRESH_MS. Pages read the snapshot,
// kept per instance with the catalogue's other reads; a missing snapshot is computed once by whoever
// asks first, and a stalled one (no job has run for three periods) is served while it is brought up
// to date after the answer, as the landing page's figures are.
import type { Db } from '../../db/client';
import { figuresConfig } from '../../db/client';
import { allResponseTimes, type ResponseTimes } from '../../db/queries/response-times';
import { refreshSnapshot } from '../../db/queries/snapshots';
import { publicRead } from '../products/public-cache';
import { freshSnapshot } from '../server/refresh-later';

export type { ResponseTimes };

export const RESPONSE_TIMES_SNAPSHOT = 'institution-response-times';
export const RESPONSE_TIMES_REFRESH_MS = Number(process.env.RESPONSE_TIMES_REFRESH_MS) || 10 * 60_000;
const MAX_AGE_MS = 3 * RESPONSE_TIMES_REFRESH_MS;

/** Recomputes the snapshot (the job; single flight across instances). */
export function refreshResponseTimes(db: Db, now = new Date()) {
  return refreshSnapshot<Record<string, ResponseTimes>>(db, RESPONSE_TIMES_SNAPSHOT, allResponseTimes, now, figuresConfig().statementTimeoutMs);
}

/** The snapshot as of `now`: computed first when missing; refreshed after the answer when older than three job periods. */
export async function readResponseTimes(db: Db, now = new Date()): Promise<Map<string, ResponseTimes>> {
  const snap = await freshSnapshot(db, RESPONSE_TIMES_SNAPSHOT, MAX_AGE_MS, (olderThan) => refreshResponseTimes(db, olderThan), now);
  return new Map(Object.entries(snap.value));
}

/**
 * Every institution's response times as of the last snapshot, keyed by institution id (absent: no
 * applications yet). Shared between requests: callers must not change it. Call it outside a
 * transaction: a missing snapshot is computed on the connection it is given.
 */
export function responseTimesNow(db: Db): Promise<Map<string, ResponseTimes>> {
  return publicRead(db, 'response-times', () => readResponseTimes(db));
}
