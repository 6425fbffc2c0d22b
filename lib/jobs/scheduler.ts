// Time-driven work off the request path. Every app instance runs a ticker; on each tick it tries to
// claim each due job in PostgreSQL (db/queries/jobs.ts), so with N instances a job still runs once
// per period, and with the embedded PGlite the one process runs them all. A job's failure is
// recorded on its row and retried at its next period; it never stops the ticker.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { claimJob, finishJob, jobQueueDepth, registerJobs } from '../../db/queries/jobs';

export interface Job {
  name: string;
  everyMs: number;
  run(db: Db, now: Date): Promise<unknown>;
}

export interface Scheduler {
  /** Runs one tick now: every due job this instance can claim. Resolves when they are done. */
  tick(): Promise<string[]>;
  stop(): Promise<void>;
}

/** For /api/metrics: jobs due and unclaimed (or whose claim lapsed), and jobs running now. */
export function queueDepth(db: Db) {
  return jobQueueDepth(db);
}

export function startScheduler(db: Db, jobs: Job[], o: { tickMs?: number; instance?: string; log?: (msg: string) => void } = {}): Scheduler {
  const instance = o.instance ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
  const log = o.log ?? ((m: string) => console.log(m));
  let running: Promise<string[]> = Promise.resolve([]);
  let stopped = false;
  const ready = registerJobs(
    db,
    jobs.map((j) => j.name),
  );

  async function runDue(): Promise<string[]> {
    await ready;
    const ran: string[] = [];
    for (const job of jobs) {
      if (stopped) break;
      // The lease outlasts a slow run; a crashed instance's claim lapses after it.
      if (!(await claimJob(db, job.name, instance, Math.max(job.everyMs, 5 * 60_000)))) continue;
      const t0 = Date.now();
      let error: string | null = null;
      try {
        await job.run(db, new Date());
      } catch (e) {
        error = (e as Error).message ?? String(e);
        log(`[jobs] ${job.name} failed: ${error}`);
      }
      await finishJob(db, job.name, { everyMs: job.everyMs, durationMs: Date.now() - t0, error });
      ran.push(job.name);
    }
    return ran;
  }

  const tick = () => {
    // One tick at a time per instance.
    running = running.then(runDue, runDue).catch((e: unknown) => {
      log(`[jobs] tick failed: ${(e as Error).message}`);
      return [];
    });
    return running;
  };

  const tickMs = o.tickMs ?? (Number(process.env.JOBS_TICK_MS) || 15_000);
  const timer = tickMs === 0 ? null : setInterval(() => void tick(), tickMs);
  timer?.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running.catch(() => {});
    },
  };
}
