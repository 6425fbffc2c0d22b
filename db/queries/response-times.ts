import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { rowsOf } from '../rows';

/** One institution's median response times over all its applications. */
export interface ResponseTimes {
  /** Hours from submission to first action, one decimal (as product pages show them). */
  firstActionHours: number | null;
  /** The same median to two decimals, as matching scores it. */
  firstActionHoursExact: number | null;
  decisionHours: number | null;
  disbursementHours: number | null;
  applications: number;
}

/**
 * Every institution's median hours from submission to first action, decision and disbursement
 * (percentile_cont: an even count averages the middle two; each median over the applications that
 * have the step), keyed by institution id; an institution without applications is absent. One pass
 * over the applications: at province scale (10M) it takes tens of seconds, so pages read it from
 * the snapshot lib/institutions/response-times.ts keeps, never directly.
 */
export async function allResponseTimes(db: Db): Promise<Record<string, ResponseTimes>> {
  const median = (to: string) =>
    sql.raw(`percentile_cont(0.5) within group (order by extract(epoch from (${to} - submitted_at)) / 3600.0) filter (where ${to} is not null)`);
  const rows = rowsOf<{ id: string; f1: string | null; f2: string | null; d1: string | null; b1: string | null; n: number }>(
    await db.execute(sql`
      select institution_id as id, round(f::numeric, 1)::text as f1, round(f::numeric, 2)::text as f2,
             round(d::numeric, 1)::text as d1, round(b::numeric, 1)::text as b1, n
        from (select institution_id, ${median('first_action_at')} as f, ${median('decided_at')} as d,
                     ${median('disbursed_at')} as b, count(*)::int as n
                from applications group by institution_id) m`),
  );
  const num = (v: string | null) => (v === null ? null : Number(v));
  return Object.fromEntries(
    rows.map((r) => [
      r.id,
      { firstActionHours: num(r.f1), firstActionHoursExact: num(r.f2), decisionHours: num(r.d1), disbursementHours: num(r.b1), applications: Number(r.n) },
    ]),
  );
}
