// lib/figures/dashboard.ts: the dashboard's set of figures, and the job that computes the default
// dashboard's set when this build has none for the day. "Another instance" is another handle on the
// same database (the cache is per handle), as in shared-answers.int.test.ts.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { openTestDb } from '../../db/testing';
import { eventually, otherInstance } from './testing';
import { APP_JOBS } from '../jobs/app-jobs';
import { figureBatch, storedKey } from './cache';
import { dashboardFigures, prepareDashboard } from './dashboard';
import { LEAGUE_SHOWN, resolveFilter, zoneFiguresStored } from './service';

let h: DbHandle;

beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => {
  await h?.close();
});

const instance = (share = true) => otherInstance(h.db, share);

const storedRows = async () =>
  rowsOf<{ n: number }>(await h.db.execute(sql`select count(*)::int as n from figure_answers where key like ${`${storedKey('')}%`}`))[0].n;

describe('preparing the default dashboard', () => {
  it('without a shared store (the embedded PGlite) leaves the figures to the first visitor', async () => {
    expect(await prepareDashboard(instance(false))).toBe(false);
    expect(await storedRows()).toBe(0);
  });

  it('computes the default dashboard once for every instance: another opens it with the same figures, current, at once', async () => {
    const filter = await resolveFilter(h.db, {});
    expect(await zoneFiguresStored(instance(), filter)).toBe(false);
    expect(await prepareDashboard(instance())).toBe(true);
    // The period's and the previous period's figures, the breakdown, the funnel and the league table.
    await eventually(async () => (await storedRows()) >= 5);
    expect(await zoneFiguresStored(instance(), filter)).toBe(true);
    // Nothing more to do while the day's answers are there.
    expect(await prepareDashboard(instance())).toBe(false);

    // A fresh instance's dashboard, with no wait: the stored answers, undated, equal to a computation of its own.
    const b = instance();
    const shown = await figureBatch(b, 0, () => dashboardFigures(b, filter, 'month', LEAGUE_SHOWN));
    expect(shown.asOf).toBeNull();
    const alone = instance(false);
    const computed = await figureBatch(alone, Number.POSITIVE_INFINITY, () => dashboardFigures(alone, filter, 'month', LEAGUE_SHOWN));
    expect(shown.value).toStrictEqual(computed.value);
  });

  it('does not compute again after a write: the dashboard’s own bounded wait deals with that', async () => {
    await h.db.execute(sql`insert into app_settings (key, value) values ('dashboard-prepare', 'x')`);
    expect(await prepareDashboard(instance())).toBe(false);
  });

  it('runs as a periodic job', () => {
    expect(APP_JOBS.find((j) => j.name === 'prepare-dashboard')?.everyMs).toBe(60_000);
  });
});
