import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { scoreHistory } from '../../db/queries/innovation';
import { auditEvents, enterprises, innovationWeightSets, parks, users } from '../../db/schema';
import { openTestDb } from '../../db/testing';
import type { Actor } from '../auth/actor';
import { zoneDay } from '../core/dates';
import { publishWeightSet, refreshScoreIfStale, saveInnovationInputs, scoreReport } from './service';
import { updateProfile } from '../enterprises/profile';
import { scoreInnovation } from './score';
import { INDICATOR_KEYS, WEIGHT_SET_V1, type InnovationInputs } from './weights';
import { withUsccCheckChar } from '../enterprises/uscc';
import { innovationInputsFormSchema } from '../validation/innovation';

let h: DbHandle;
let sme: Actor;
let parkId: number;
const admin: Actor = { userId: '', role: 'admin', name: 'a', email: 'a@x', enterpriseId: null, institutionId: null, memberRole: null };
const zero = Object.fromEntries(INDICATOR_KEYS.map((k) => [k, '0'])) as Record<(typeof INDICATOR_KEYS)[number], string>;

beforeAll(async () => {
  h = await openTestDb();
  const [p] = await h.db.insert(parks).values({ code: 'nanhai', name: '南海园', nameEn: 'Nanhai', districtCode: '440605' }).returning();
  const [e] = await h.db
    .insert(enterprises)
    .values({
      uscc: withUsccCheckChar('91440605MA4S00001'),
      name: '积分测试',
      parkId: (parkId = p.id),
      industry: 'C',
      foundedOn: '2019-05-20',
      registeredCapitalFen: 1n,
      employees: 80,
      revenueFen: 6_800_000_000n,
      rndExpenseFen: 1n,
    })
    .returning();
  const [u] = await h.db
    .insert(users)
    .values({ name: 'x', email: 's@x.cn', passwordHash: 'x', role: 'enterprise', enterpriseId: e.id, memberRole: 'owner' })
    .returning();
  const [a] = await h.db.insert(users).values({ name: 'admin', email: 'admin@x.cn', passwordHash: 'x', role: 'admin' }).returning();
  admin.userId = a.id;
  sme = { userId: u.id, role: 'enterprise', name: 'x', email: u.email, enterpriseId: e.id, institutionId: null, memberRole: 'owner' };
  await h.db.insert(innovationWeightSets).values({ version: 1, name: WEIGHT_SET_V1.name, weights: WEIGHT_SET_V1.weights, publishedAt: new Date() });
});
afterAll(async () => h?.close());

describe('innovation score upkeep', () => {
  it('recomputes on every change of the inputs and keeps the history', async () => {
    const first = await saveInnovationInputs(h.db, sme, innovationInputsFormSchema.parse({ ...zero, invention_patents: '2' }) as InnovationInputs);
    const second = await saveInnovationInputs(
      h.db,
      sme,
      innovationInputsFormSchema.parse({ ...zero, invention_patents: '3', rnd_expense: '500' }) as InnovationInputs,
    );
    expect(Number(second!.total)).toBeGreaterThan(Number(first!.total));
    const history = await scoreHistory(h.db, sme.enterpriseId!);
    expect(history.map((x) => x.total)).toEqual([second!.total, first!.total]);
    expect(history.every((x) => x.weightSetVersion === 1)).toBe(true);
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.action, 'innovation_inputs.save'));
    expect(audit).toHaveLength(2);
  });

  it('stores what the pure function computes, with the stage and breakdown', async () => {
    const inputs = innovationInputsFormSchema.parse({ ...zero, invention_patents: '4', revenue_growth: '-5', platforms: '3' }) as InnovationInputs;
    const row = await saveInnovationInputs(h.db, sme, inputs);
    const report = await scoreReport(h.db, sme, sme.enterpriseId!);
    expect(row!.total).toBe(report.score!.total);
    expect(row!.stage).toBe(report.score!.stage);
    const today = zoneDay();
    const fromProfile = { ...inputs, revenue: 6_800_000_000, rnd_expense: 1 }; // revenue and R&D expense are the profile's
    expect(report.score!.total).toBe(
      scoreInnovation(WEIGHT_SET_V1.weights, fromProfile, { foundedOn: '2019-05-20', asOf: today, revenueFen: 6_800_000_000n }).total,
    );
    expect(report.whatIf.length).toBeGreaterThan(0);
  });

  it('takes revenue and R&D expense from the profile, entered once there', async () => {
    await saveInnovationInputs(
      h.db,
      sme,
      innovationInputsFormSchema.parse({ ...zero, invention_patents: '2', revenue: '99', rnd_expense: '88' }) as InnovationInputs,
    );
    const report = await scoreReport(h.db, sme, sme.enterpriseId!);
    // what the form sent for them is not kept: the stored inputs carry the profile's values
    expect(report.inputs).toMatchObject({ revenue: 6_800_000_000, rnd_expense: 1 });
    expect((report.score!.contributions.find((c) => c.key === 'revenue') as { value?: number } | undefined)?.value).toBe(6_800_000_000);
    // a profile change moves the score's inputs with it
    await updateProfile(h.db, sme, {
      name: '积分测试',
      parkId: parkId,
      industry: 'C',
      foundedOn: '2019-05-20',
      registeredCapitalFen: 1n,
      employees: 80,
      revenueFen: 9_000_000_000n,
      rndExpenseFen: 600_000_000n,
    });
    const after = await scoreReport(h.db, sme, sme.enterpriseId!);
    expect(after.inputs).toMatchObject({ revenue: 9_000_000_000, rnd_expense: 600_000_000 });
    const [latest] = await scoreHistory(h.db, sme.enterpriseId!);
    expect(latest.total).toBe(after.score!.total);
    expect(Number(after.score!.total)).toBeGreaterThan(Number(report.score!.total));
  });

  it('writes a new history row when the stage moves with time, and only then', async () => {
    await saveInnovationInputs(h.db, sme, innovationInputsFormSchema.parse({ ...zero, invention_patents: '5' }) as InnovationInputs);
    expect(await refreshScoreIfStale(h.db, sme.enterpriseId!)).toBeNull();
    // Ten years in operation and revenue above 1亿元 make the enterprise mature.
    await h.db.update(enterprises).set({ foundedOn: '2010-01-01', revenueFen: 20_000_000_000n }).where(eq(enterprises.id, sme.enterpriseId!));
    const fresh = await refreshScoreIfStale(h.db, sme.enterpriseId!);
    expect(fresh?.stage).toBe('mature');
    expect(await refreshScoreIfStale(h.db, sme.enterpriseId!)).toBeNull();
    await h.db.update(enterprises).set({ foundedOn: '2019-05-20', revenueFen: 6_800_000_000n }).where(eq(enterprises.id, sme.enterpriseId!));
    await refreshScoreIfStale(h.db, sme.enterpriseId!);
  });

  it('answers not_found to another enterprise asking for this report', async () => {
    await expect(scoreReport(h.db, { ...sme, enterpriseId: '00000000-0000-4000-8000-000000000000' }, sme.enterpriseId!)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('publishes a new weight version for new scores; old scores keep theirs; bad weights are refused', async () => {
    await expect(publishWeightSet(h.db, admin, 'bad', '{"stages":{}}')).rejects.toMatchObject({ code: 'invalid' });
    await expect(publishWeightSet(h.db, admin, 'bad', 'not json')).rejects.toMatchObject({ code: 'invalid' });
    await expect(publishWeightSet(h.db, sme, 'x', JSON.stringify(WEIGHT_SET_V1.weights))).rejects.toMatchObject({ code: 'forbidden' });
    const w = await publishWeightSet(h.db, admin, 'v2', JSON.stringify(WEIGHT_SET_V1.weights));
    expect(w.version).toBe(2);
    await saveInnovationInputs(h.db, sme, innovationInputsFormSchema.parse(zero) as InnovationInputs);
    const history = await scoreHistory(h.db, sme.enterpriseId!);
    expect(history[0].weightSetVersion).toBe(2);
    expect(history.slice(1).every((x) => x.weightSetVersion === 1)).toBe(true);
  });
});
