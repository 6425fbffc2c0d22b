// Work a request starts but does not wait for (a stalled snapshot brought up to date after the page
// that found it has answered). Runs outside the request's async context (detached), at most once at
// a time per key on this instance; another instance's copy waits on the snapshot's own lock
// (db/queries/snapshots.ts) and then finds it fresh. A failure is logged; the next reader, or the
// job, tries again.
import { detached } from './detached';
import { logError } from './log';

const running = new Map<string, Promise<void>>();

/** Starts `work` for `key` unless it is already running here; the promise settles when it ends (tests wait on it). */
export function refreshLater(key: string, work: () => Promise<unknown>): Promise<void> {
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
