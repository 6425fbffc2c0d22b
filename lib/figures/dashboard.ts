// The figures /admin/dashboard shows for a filter, as one set, and the job that computes the default
// dashboard's set before anyone opens it. Every figure's key names this build and the zone day
// (lib/figures/service.ts cacheKey, lib/figures/cache.ts storedKey), so after a deploy, and at
// midnight, no instance has an answer for any of them: the first administrator to open the
// dashboard waited for a province's figures to compute (33–204 s at tier L after a deploy). The job
// computes the set as soon as it is missing, once across instances (scheduled_jobs, and the figures'
// claims); it does nothing while an answer of the day exists, whatever its version: recomputing after
// every write is the dashboard's own bounded wait's business, not a job's.
import type { Db } from '../../db/client';
import { dashboardQuerySchema, type FigureBreakdown } from '../validation/figures';
import { figureBatch } from './cache';
import { previousPeriod } from './kpis';
import { figuresBreakdown, LEAGUE_SHOWN, league, needsFunnel, type ResolvedFilter, resolveFilter, zoneFigures, zoneFiguresStored } from './service';

/** The dashboard's figures for `filter`: the period's, the previous period's, a breakdown, the funnel, the league. */
export function dashboardFigures(db: Db, filter: ResolvedFilter, breakdown: FigureBreakdown, leagueSize: number) {
  // The summary compares with the previous period of the same length, counted by the same function.
  const previous = previousPeriod(filter);
  return Promise.all([
    zoneFigures(db, filter),
    zoneFigures(db, { ...filter, ...previous }),
    figuresBreakdown(db, filter, breakdown),
    needsFunnel(db, filter, breakdown),
    league(db, filter, 1, leagueSize),
  ]);
}

/**
 * The job: computes the figures of the dashboard as it opens with no filter (this year, by month,
 * the first LEAGUE_SHOWN institutions) when this build has no answer for them today on any instance.
 * True when it computed them. Without a shared store (the embedded PGlite: one instance, a small
 * zone) it leaves them to the first visitor.
 */
export async function prepareDashboard(db: Db, now = new Date()): Promise<boolean> {
  const filter = await resolveFilter(db, {}, now);
  if ((await zoneFiguresStored(db, filter)) !== false) return false;
  const { breakdown } = dashboardQuerySchema.parse({});
  await figureBatch(db, Number.POSITIVE_INFINITY, () => dashboardFigures(db, filter, breakdown, LEAGUE_SHOWN));
  return true;
}
