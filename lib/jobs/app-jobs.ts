// The app's periodic jobs. Nothing here runs on a request: reads never write.
import { sweepBlobs } from '../documents/storage';
import { prepareDashboard } from '../figures/dashboard';
import { foldFigureWrites, pruneFigureAnswers, refreshHeadline, HEADLINE_REFRESH_MS } from '../figures/service';
import { refreshResponseTimes, RESPONSE_TIMES_REFRESH_MS } from '../institutions/response-times';
import { expireNeeds } from '../needs/service';
import { withFiguresDb } from '../server/read-db';
import type { Job } from './scheduler';

export const APP_JOBS: Job[] = [
  // Needs past their wanted-by date become expired (pages already show them as expired before).
  { name: 'expire-needs', everyMs: 5 * 60_000, run: (db, now) => expireNeeds(db, now) },
  // The landing page's all-time totals, computed once a minute for every instance.
  { name: 'headline-figures', everyMs: HEADLINE_REFRESH_MS, run: (db, now) => refreshHeadline(db, now) },
  // Every institution's median response times (product pages, matching), shared by every instance.
  { name: 'response-times', everyMs: RESPONSE_TIMES_REFRESH_MS, run: (db, now) => refreshResponseTimes(db, now) },
  // The figures' data version counts committed writes (migration 0017); old rows fold into a total.
  { name: 'fold-figure-writes', everyMs: 60_000, run: (db) => foldFigureWrites(db) },
  // The figures every instance shares (lib/figures/cache.ts): answers not written for two days.
  { name: 'prune-figure-answers', everyMs: 60 * 60_000, run: (db, now) => pruneFigureAnswers(db, now) },
  // The dashboard's default figures, computed once when this build has none for the zone day (a
  // deploy, midnight), so that the first administrator does not wait for a province's figures.
  { name: 'prepare-dashboard', everyMs: 60_000, run: (_db, now) => withFiguresDb((db) => prepareDashboard(db, now)) },
  // Document content left by uploads cut off mid-stream, or whose version was never written.
  { name: 'sweep-blobs', everyMs: 60 * 60_000, run: (db, now) => sweepBlobs(db, now) },
];
