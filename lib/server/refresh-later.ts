// Work a request starts but does not wait for: a stalled snapshot (figure_snapshots) brought up to
// date after the page that found it has answered. Runs outside the request's async context
// (detached), at most once at a time per key on this instance; another instance's copy waits on the
// snapshot's own lock (db/queries/snapshots.ts) and then finds it fresh. A failure is logged; the
// next reader, or the job, tries again.
import type { Db } from '../../db/client';
import { readSnapshot, type Snapshot } from '../../db/queries/snapshots';
import { detached } from './detached';
import { logError } from './log';

const running = new Map<string, Promise<void>>();

/** Starts `work` for `key` unless it is already running here; the promise settles when it ends (tests wait on it). */
function refreshLater(key: string, work: () => Promise<unknown>): Promise<void> {
  const busy = running.get(key);
  if (busy) return busy;
  const done = detached(async () => {
    try {
      await work();
    } catch (e) {
      logError(`refresh of ${key}`, e);
    } finally {
      running.delete(key);
    }
  });
  running.set(key, done);
  return done;
}

/** Whatever refreshLater has running on this instance, settled (tests). */
export async function refreshesSettled(): Promise<void> {
  await Promise.all(running.values());
}

/**
 * The snapshot of `key` for a page. Computed by `refresh(olderThan)` (refreshSnapshot: once, however
 * many ask together) only when there is none yet. One older than `maxAgeMs` (the job that keeps it
 * has stalled) is still served at once and brought up to date after the answer (refreshLater): a
 * recomputation takes tens of seconds at province scale, and every page waiting on it, each holding
 * a connection, would take the site down with it.
 */
export async function freshSnapshot<T>(
  db: Db,
  key: string,
  maxAgeMs: number,
  refresh: (olderThan: Date) => Promise<Snapshot<T>>,
  now = new Date(),
): Promise<Snapshot<T>> {
  const snap = await readSnapshot<T>(db, key);
  const olderThan = new Date(now.getTime() - maxAgeMs);
  if (!snap) return refresh(olderThan);
  if (snap.computedAt < olderThan) void refreshLater(key, () => refresh(olderThan));
  return snap;
}
