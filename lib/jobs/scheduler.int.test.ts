// Periodic jobs run once per period however many instances tick, and a failure is recorded on the
// job's row without stopping the others. On PostgreSQL the two schedulers claim concurrently.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { scheduledJobs } from '../../db/schema';
import { openTestDb } from '../../db/testing';
import { startScheduler, type Job } from './scheduler';

let h: DbHandle;
beforeAll(async () => {
  h = await openTestDb({ poolMax: 6 });
});
afterAll(async () => h?.close());

const quiet = () => {};

describe('scheduler', () => {
  it('runs a due job once across two instances ticking together, and not again before its period', async () => {
    let runs = 0;
    const job: Job = {
      name: 'count-once',
      everyMs: 60_000,
      run: async () => {
        runs++;
        await new Promise((r) => setTimeout(r, 50));
      },
    };
    const a = startScheduler(h.db, [job], { tickMs: 0, instance: 'a', log: quiet });
    const b = startScheduler(h.db, [job], { tickMs: 0, instance: 'b', log: quiet });
    const [ranA, ranB] = await Promise.all([a.tick(), b.tick()]);
    expect(runs).toBe(1);
    expect([...ranA, ...ranB]).toEqual(['count-once']);
    expect(await Promise.all([a.tick(), b.tick()])).toEqual([[], []]);
    expect(runs).toBe(1);
    const [row] = await h.db.select().from(scheduledJobs).where(eq(scheduledJobs.name, 'count-once'));
    expect(row).toMatchObject({ runs: 1, lockedUntil: null, lockedBy: null, lastError: null });
    expect(row.nextRunAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('records a failing job’s error, runs the next job anyway, and retries the failed one at its next period', async () => {
    let good = 0;
    let attempts = 0;
    const failing: Job = {
      name: 'always-fails',
      everyMs: 1,
      run: async () => {
        attempts++;
        throw new Error('statement timeout');
      },
    };
    const fine: Job = { name: 'after-failure', everyMs: 60_000, run: async () => void good++ };
    const s = startScheduler(h.db, [failing, fine], { tickMs: 0, instance: 'c', log: quiet });
    expect(await s.tick()).toEqual(['always-fails', 'after-failure']);
    const [row] = await h.db.select().from(scheduledJobs).where(eq(scheduledJobs.name, 'always-fails'));
    expect(row.lastError).toBe('statement timeout');
    expect(row.lockedUntil).toBeNull();
    await new Promise((r) => setTimeout(r, 20));
    expect(await s.tick()).toEqual(['always-fails']);
    expect({ attempts, good }).toEqual({ attempts: 2, good: 1 });
    await s.stop();
  });
});
