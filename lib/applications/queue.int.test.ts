// The officers' queue: only the institution's own applications, in waiting states unless one is
// asked for, the one that entered its state longest ago first, with counts per state.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { applicationEvents, applications, parks, products } from '../../db/schema';
import { openTestDb } from '../../db/testing';
import { applicationQueue } from './queue';
import type { Actor } from '../auth/actor';
import { enterpriseActor, institutionActor } from '../test-fixtures';

let h: DbHandle;
let bank: Actor;
let otherBank: Actor;
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await openTestDb();
  const [p] = await h.db.insert(parks).values({ code: 'nanhai', name: '南海园', nameEn: 'Nanhai', districtCode: '440605' }).returning();
  const sme = await enterpriseActor(h.db, { name: '排队科技', parkId: p.id });
  bank = await institutionActor(h.db, { name: '一号银行' });
  otherBank = await institutionActor(h.db, { name: '二号银行' });
  const product = async (inst: Actor) =>
    (
      await h.db
        .insert(products)
        .values({
          institutionId: inst.institutionId!,
          name: '信用贷',
          category: 'credit',
          summary: 's',
          amountMinFen: 1n,
          amountMaxFen: 10n ** 10n,
          termMinMonths: 1,
          termMaxMonths: 60,
          rateMinBp: 300,
          rateMaxBp: 600,
          guaranteeMethods: ['credit'],
          repaymentMethods: ['bullet'],
          status: 'published',
        })
        .returning()
    )[0];
  const mine = await product(bank);
  const theirs = await product(otherBank);
  const app = async (
    name: string,
    inst: Actor,
    productId: string,
    status: 'submitted' | 'accepted' | 'materials_requested' | 'rejected',
    submitted: string,
    lastEvent: string,
  ) => {
    const [a] = await h.db
      .insert(applications)
      .values({
        enterpriseId: sme.enterpriseId!,
        productId,
        institutionId: inst.institutionId!,
        amountFen: 100n,
        termMonths: 12,
        status,
        rejectReason: status === 'rejected' ? '资料不全' : null,
        idempotencyKey: name,
        requestHash: 'x',
        submittedAt: new Date(submitted),
      })
      .returning();
    await h.db.insert(applicationEvents).values({ applicationId: a.id, toStatus: status, at: new Date(lastEvent) });
    ids[name] = a.id;
  };
  await app('new', bank, mine.id, 'submitted', '2026-11-29T00:00:00Z', '2026-11-29T00:00:00Z');
  await app('old-submitted-recently-requested', bank, mine.id, 'materials_requested', '2026-11-01T00:00:00Z', '2026-11-28T00:00:00Z');
  await app('accepted-long-ago', bank, mine.id, 'accepted', '2026-11-10T00:00:00Z', '2026-11-11T00:00:00Z');
  await app('rejected', bank, mine.id, 'rejected', '2026-10-01T00:00:00Z', '2026-10-02T00:00:00Z');
  await app('foreign', otherBank, theirs.id, 'submitted', '2026-09-01T00:00:00Z', '2026-09-01T00:00:00Z');
});
afterAll(async () => h?.close());

it('lists the waiting applications, longest in their state first, and counts each state', async () => {
  const q = await applicationQueue(h.db, bank, { page: 1 });
  expect(q.items.map((i) => i.id)).toEqual([ids['accepted-long-ago'], ids['old-submitted-recently-requested'], ids.new]);
  expect(q.byState).toEqual({ submitted: 1, accepted: 1, materials_requested: 1, rejected: 1 });
  expect(q.total).toBe(3);
});

it('one state when asked; never another institution’s', async () => {
  expect((await applicationQueue(h.db, bank, { status: 'rejected', page: 1 })).items.map((i) => i.id)).toEqual([ids.rejected]);
  expect((await applicationQueue(h.db, otherBank, { page: 1 })).items.map((i) => i.id)).toEqual([ids.foreign]);
});

it('a new timeline event moves an application back in the queue; a late-recorded older one does not', async () => {
  // The order comes from applications.last_event_at, which a trigger on application_events keeps.
  await h.db.insert(applicationEvents).values([
    { applicationId: ids['accepted-long-ago'], fromStatus: 'accepted', toStatus: 'accepted', at: new Date('2026-11-30T00:00:00Z') },
    { applicationId: ids.new, fromStatus: 'submitted', toStatus: 'submitted', at: new Date('2026-11-20T00:00:00Z') },
  ]);
  const q = await applicationQueue(h.db, bank, { page: 1 });
  expect(q.items.map((i) => i.id)).toEqual([ids['old-submitted-recently-requested'], ids.new, ids['accepted-long-ago']]);
  expect(q.items.map((i) => i.waitingSince.toISOString())).toEqual(['2026-11-28T00:00:00.000Z', '2026-11-29T00:00:00.000Z', '2026-11-30T00:00:00.000Z']);
});
