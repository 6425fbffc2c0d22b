import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { applications } from '../schema';

export interface ResponseTimes {
  firstActionHours: number | null;
  decisionHours: number | null;
  disbursementHours: number | null;
  applications: number;
}

const hours = (to: typeof applications.firstActionAt) =>
  sql<string | null>`percentile_cont(0.5) within group (order by extract(epoch from (${to} - ${applications.submittedAt})) / 3600) filter (where ${to} is not null)`;

/** Each institution's median hours from submission to first action, decision and disbursement. */
export async function responseTimes(db: Db, institutionIds: string[]): Promise<Map<string, ResponseTimes>> {
  if (institutionIds.length === 0) return new Map();
  const rows = await db
    .select({
      institutionId: applications.institutionId,
      first: hours(applications.firstActionAt),
      decision: hours(applications.decidedAt),
      disbursement: hours(applications.disbursedAt),
      n: sql<number>`count(*)::int`,
    })
    .from(applications)
    .where(inArray(applications.institutionId, [...new Set(institutionIds)]))
    .groupBy(applications.institutionId);
  const num = (v: string | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);
  return new Map(rows.map((r) => [r.institutionId, { firstActionHours: num(r.first), decisionHours: num(r.decision), disbursementHours: num(r.disbursement), applications: Number(r.n) }]));
}
