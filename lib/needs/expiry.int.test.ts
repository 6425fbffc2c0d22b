// A need past its wanted-by date reads as expired everywhere at once, and is offered to no
// institution, while reads write nothing; the expire-needs job then records the change with its
// audit row.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { getNeedWithAssets, listEnterpriseNeeds } from '../../db/queries/needs';
import { auditEvents, financingNeeds, parks } from '../../db/schema';
import { enterpriseActor, institutionActor } from '../test-fixtures';
import { openTestDb } from '../../db/testing';
import type { Actor } from '../auth/actor';
import { APP_JOBS } from '../jobs/app-jobs';
import { startScheduler } from '../jobs/scheduler';
import { needsBoardFor } from './service';
import { needsBoardQuerySchema } from '../validation/need';

let h: DbHandle;
let sme: Actor;
let bank: Actor;
let overdueId: string;
let currentId: string;

beforeAll(async () => {
  h = await openTestDb();
  const [park] = await h.db.insert(parks).values({ code: 'nanhai', name: '南海园', nameEn: 'Nanhai', districtCode: '440605' }).returning();
  sme = await enterpriseActor(h.db, { name: '甲科技', parkId: park.id, verificationStatus: 'verified' });
  bank = await institutionActor(h.db, { name: '一号银行' });
  const base = {
    enterpriseId: sme.enterpriseId!,
    amountFen: 100_000_000n,
    termMonths: 12,
    purpose: 'working_capital' as const,
    guaranteeMethods: ['credit' as const],
  };
  [{ id: overdueId }] = await h.db
    .insert(financingNeeds)
    .values({ ...base, wantedBy: '2020-01-01' })
    .returning();
  [{ id: currentId }] = await h.db
    .insert(financingNeeds)
    .values({ ...base, wantedBy: '2099-12-31' })
    .returning();
});
afterAll(async () => h?.close());

const auditCount = async () => (await h.db.select({ n: count() }).from(auditEvents))[0].n;

describe('need expiry off the read path', () => {
  it('shows a need past its date as expired before the job runs, hides it from the board, and writes nothing', async () => {
    const audits = await auditCount();
    const list = await listEnterpriseNeeds(h.db, sme.enterpriseId!, { limit: 10, offset: 0 });
    expect(Object.fromEntries(list.items.map((n) => [n.id, n.status]))).toEqual({ [overdueId]: 'expired', [currentId]: 'open' });
    expect((await getNeedWithAssets(h.db, overdueId))?.status).toBe('expired');
    const board = await needsBoardFor(h.db, bank, needsBoardQuerySchema.parse({}));
    expect(board.items.map((i) => i.id)).toEqual([currentId]);
    const [stored] = await h.db.select().from(financingNeeds).where(eq(financingNeeds.id, overdueId));
    expect(stored.status).toBe('open');
    expect(await auditCount()).toBe(audits);
  });

  it('the expire-needs job writes the expiry once, with its audit row', async () => {
    const jobs = APP_JOBS.filter((j) => j.name === 'expire-needs');
    const s = startScheduler(h.db, jobs, { tickMs: 0, instance: 'test', log: () => {} });
    expect(await s.tick()).toEqual(['expire-needs']);
    await s.stop();
    const [stored] = await h.db.select().from(financingNeeds).where(eq(financingNeeds.id, overdueId));
    expect(stored.status).toBe('expired');
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, overdueId));
    expect(audit.map((a) => [a.action, a.actorRole])).toEqual([['financing_need.expire', 'system']]);
    const [current] = await h.db.select().from(financingNeeds).where(eq(financingNeeds.id, currentId));
    expect(current.status).toBe('open');
  });
});
