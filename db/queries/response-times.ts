import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { applications } from '../schema';

export interface ResponseTimes {
  firstActionHours: number | null;
  decisionHours: number | null;
  disbursementHours: number | null;
  applications: number;
}

const hours = (to: typeof applications.firstActionAt, decimals: number) =>
  sql<
    string | null
  >`round((percentile_cont(0.5) within group (order by extract(epoch from (${to} - ${applications.submittedAt})) / 3600.0) filter (where ${to} is not null))::numeric, ${sql.raw(String(decimals))})::text`;

/**
 * Each institution's (or every institution's: 'all') median hours from submission to first action,
 * decision and disbursement (percentile_cont: an even count averages the middle two), rounded to
 * `decimals` places.
 */
export async function responseTimes(db: Db, institutionIds: string[] | 'all', decimals = 1): Promise<Map<string, ResponseTimes>> {
  if (institutionIds !== 'all' && institutionIds.length === 0) return new Map();
  const rows = await db
    .select({
      institutionId: applications.institutionId,
      first: hours(applications.firstActionAt, decimals),
      decision: hours(applications.decidedAt, decimals),
      disbursement: hours(applications.disbursedAt, decimals),
      n: sql<number>`count(*)::int`,
    })
    .from(applications)
    .where(institutionIds === 'all' ? undefined : inArray(applications.institutionId, [...new Set(institutionIds)]))
    .groupBy(applications.institutionId);
  const num = (v: string | null) => (v === null ? null : Number(v));
  return new Map(
    rows.map((r) => [
      r.institutionId,
      { firstActionHours: num(r.first), decisionHours: num(r.decision), disbursementHours: num(r.disbursement), applications: Number(r.n) },
    ]),
  );
}
