// Claiming and finishing periodic jobs (scheduled_jobs). A claim is one UPDATE that only succeeds
// on a due, unclaimed (or lapsed) row, so two instances never run the same job at once.
import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { rowsOf } from '../rows';
import { scheduledJobs } from '../schema';

/** Makes sure each job has its row; a new job is due at once. */
export async function registerJobs(db: Db, names: string[]): Promise<void> {
  if (names.length === 0) return;
  await db
    .insert(scheduledJobs)
    .values(names.map((name) => ({ name })))
    .onConflictDoNothing();
}

/** Claims the job if it is due; true when this caller should run it now. */
export async function claimJob(db: Db, name: string, by: string, leaseMs: number): Promise<boolean> {
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`update scheduled_jobs
      set locked_until = now() + ${leaseMs} * interval '1 millisecond', locked_by = ${by}
      where name = ${name} and next_run_at <= now() and (locked_until is null or locked_until < now())
      returning name`),
  );
  return rows.length === 1;
}

export async function finishJob(db: Db, name: string, o: { everyMs: number; durationMs: number; error: string | null }): Promise<void> {
  await db.execute(sql`update scheduled_jobs
    set next_run_at = now() + ${o.everyMs} * interval '1 millisecond', locked_until = null, locked_by = null,
        last_run_at = now(), last_duration_ms = ${o.durationMs}, last_error = ${o.error}, runs = runs + 1
    where name = ${name}`);
}

/** For /api/metrics: jobs due and unclaimed (or whose claim lapsed), and jobs running now. */
export async function jobQueueDepth(db: Db): Promise<{ due: number; running: number }> {
  const [r] = rowsOf<{ due: number | string; running: number | string }>(
    await db.execute(sql`select
      count(*) filter (where next_run_at <= now() and (locked_until is null or locked_until < now())) as due,
      count(*) filter (where locked_until >= now()) as running
      from scheduled_jobs`),
  );
  return { due: Number(r?.due ?? 0), running: Number(r?.running ?? 0) };
}
