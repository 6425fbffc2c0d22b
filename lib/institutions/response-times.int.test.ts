// Institutions' response times come from a snapshot the job keeps, not from a pass over every
// application per page: the medians are exact as of the snapshot, a page never recomputes a fresh
// one, a missing one is computed once, a stalled one served and brought up to date after the answer.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { readSnapshot } from '../../db/queries/snapshots';
import { refreshesSettled } from '../server/refresh-later';
import { applications, figureSnapshots, parks } from '../../db/schema';
import { openTestDb } from '../../db/testing';
import type { Actor } from '../auth/actor';
import { enterpriseActor, institutionActor, publishedProduct } from '../test-fixtures';
import {
  readResponseTimes,
  refreshResponseTimes,
  RESPONSE_TIMES_REFRESH_MS,
  RESPONSE_TIMES_SNAPSHOT,
  responseTimesNow,
  type ResponseTimes,
} from './response-times';

let h: DbHandle;
let sme: Actor;
let fast: Actor;
let slow: Actor;
let idle: Actor;
let productOf: Map<string, string>;
const H = 3_600_000;
const submitted = new Date('2026-06-01T02:00:00Z');
let seq = 0;

/** An application to `bank` acted on after `first` hours, decided after `decided`, disbursed after `disbursed` (null: not yet). */
async function application(bank: Actor, first: number | null, decided: number | null = null, disbursed: number | null = null) {
  const at = (x: number | null) => (x === null ? null : new Date(submitted.getTime() + x * H));
  await h.db.insert(applications).values({
    enterpriseId: sme.enterpriseId!,
    productId: productOf.get(bank.institutionId!)!,
    institutionId: bank.institutionId!,
    amountFen: 1_000_000n,
    termMonths: 12,
    idempotencyKey: `rt-${++seq}`,
    requestHash: 'h',
    submittedAt: submitted,
    firstActionAt: at(first),
    decidedAt: at(decided),
    disbursedAt: at(disbursed),
  });
}

beforeAll(async () => {
  h = await openTestDb();
  const [park] = await h.db.insert(parks).values({ code: 'chancheng', name: '禅城园', nameEn: 'Chancheng', districtCode: '440604' }).returning();
  sme = await enterpriseActor(h.db, { name: '响应测试企业', parkId: park.id });
  fast = await institutionActor(h.db, { name: '快行' });
  slow = await institutionActor(h.db, { name: '慢行' });
  idle = await institutionActor(h.db, { name: '新行' });
  productOf = new Map();
  for (const bank of [fast, slow, idle]) {
    const p = await publishedProduct(h.db, bank.institutionId!, { name: `${bank.name}贷`, amountMinFen: 1n, termMinMonths: 1 });
    productOf.set(bank.institutionId!, p.id);
  }
  // fast: first action after 1, 1.25 and 3 h (median 1.25: shown 1.3, scored 1.25), one untouched;
  // decided after 2 and 5 h (median of an even count: 3.5); one disbursed after 30 h.
  await application(fast, 1, 2, 30);
  await application(fast, 1.25, 5);
  await application(fast, 3);
  await application(fast, null);
  // slow: 10 and 20 h (median 15), nothing decided.
  await application(slow, 10);
  await application(slow, 20);
});
afterAll(async () => h?.close());

const times = (m: Map<string, ResponseTimes>, bank: Actor) => m.get(bank.institutionId!);

describe('institutions’ response times', () => {
  it('computes the snapshot when there is none: each median exact, shown to one decimal and scored to two', async () => {
    expect(await readSnapshot(h.db, RESPONSE_TIMES_SNAPSHOT)).toBeNull();
    const m = await responseTimesNow(h.db);
    expect(times(m, fast)).toEqual({ firstActionHours: 1.3, firstActionHoursExact: 1.25, decisionHours: 3.5, disbursementHours: 30, applications: 4 });
    expect(times(m, slow)).toEqual({ firstActionHours: 15, firstActionHoursExact: 15, decisionHours: null, disbursementHours: null, applications: 2 });
    expect(times(m, idle)).toBeUndefined();
    expect(await readSnapshot(h.db, RESPONSE_TIMES_SNAPSHOT)).not.toBeNull();
  });

  it('serves the snapshot while it is fresh, however the applications change; the job brings it up to date', async () => {
    const before = await readSnapshot(h.db, RESPONSE_TIMES_SNAPSHOT);
    await application(idle, 6);
    await application(slow, 30);
    const served = await readResponseTimes(h.db);
    expect(times(served, idle)).toBeUndefined();
    expect(times(served, slow)?.firstActionHours).toBe(15);
    expect((await readSnapshot(h.db, RESPONSE_TIMES_SNAPSHOT))?.computedAt).toEqual(before?.computedAt);

    await refreshResponseTimes(h.db);
    const after = await readResponseTimes(h.db);
    expect(times(after, idle)).toMatchObject({ firstActionHours: 6, applications: 1 });
    expect(times(after, slow)).toMatchObject({ firstActionHours: 20, applications: 3 });
  });

  it('serves a stalled snapshot (no job run for three periods) at once and brings it up to date after the answer', async () => {
    await application(idle, 8); // idle: 6 and 8 h, median 7
    await h.db
      .update(figureSnapshots)
      .set({ computedAt: sql`now() - make_interval(secs => ${(3 * RESPONSE_TIMES_REFRESH_MS) / 1000 + 1})` })
      .where(eq(figureSnapshots.key, RESPONSE_TIMES_SNAPSHOT));
    // The page is answered from the stalled snapshot (idle's 6 h, one application) …
    expect(times(await readResponseTimes(h.db), idle)).toMatchObject({ firstActionHours: 6, applications: 1 });
    // … and the snapshot is recomputed once the answer is out.
    await refreshesSettled();
    const snap = await readSnapshot(h.db, RESPONSE_TIMES_SNAPSHOT);
    expect(Date.now() - snap!.computedAt.getTime()).toBeLessThan(60_000);
    expect(times(await readResponseTimes(h.db), idle)).toMatchObject({ firstActionHours: 7, applications: 2 });
  });
});
