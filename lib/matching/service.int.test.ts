import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { sql } from 'drizzle-orm';
import { FITS_COUNT_CAP, institutionFitPairs, matchableProducts, needPageRow } from '../../db/queries/matching';
import { allResponseTimes } from '../../db/queries/response-times';
import { getEligibilityFacts } from '../../db/queries/enterprises';
import { rowsOf } from '../../db/rows';
import { needCandidates, pickCandidates } from './candidates';
import {
  applications,
  auditEvents,
  certifications,
  consents,
  enterprises,
  financingNeeds,
  lprRates,
  matches,
  notifications,
  parks,
  type products,
} from '../../db/schema';
import { enterpriseActor, institutionActor, publishedProduct } from '../test-fixtures';
import { openTestDb } from '../../db/testing';
import type { Actor } from '../auth/actor';
import { expressInterest, fitsForInstitution, FITS_SHOWN, matchesForNeed, respondToInterest } from './service';
import { compareRanked, MATCH_WEIGHTS } from './engine';
import { needsBoardFor, transitionNeed } from '../needs/service';
import { needsBoardQuerySchema } from '../validation/need';
import { submitApplication } from '../applications/service';
import { applicationFormSchema } from '../validation/application';

const WAN = 1_000_000n;
let h: DbHandle;
let smeA: Actor;
let smeB: Actor;
let bank1: Actor;
let bank2: Actor;
let bankOff: Actor;
const P: Record<string, string> = {};
let needA: string;
let needA2: string;
let needB: string;

async function product(key: string, owner: Actor, over: Partial<typeof products.$inferInsert> = {}) {
  P[key] = (await publishedProduct(h.db, owner.institutionId!, { name: `产品${key}`, summary: key, ...over })).id;
}

async function need(owner: Actor, over: Partial<typeof financingNeeds.$inferInsert> = {}) {
  const [n] = await h.db
    .insert(financingNeeds)
    .values({
      enterpriseId: owner.enterpriseId!,
      amountFen: 500n * WAN,
      termMonths: 24,
      purpose: 'working_capital',
      guaranteeMethods: ['credit'],
      maxRateBp: 450,
      ...over,
    })
    .returning();
  return n.id;
}

const hours = (n: number) => n * 3_600_000;

beforeAll(async () => {
  h = await openTestDb();
  const [nanhai] = await h.db
    .insert(parks)
    .values([{ code: 'nanhai', name: '南海园', nameEn: 'Nanhai', districtCode: '440605' }])
    .returning();
  smeA = await enterpriseActor(h.db, {
    name: '甲智造',
    parkId: nanhai.id,
    verificationStatus: 'verified',
    revenueFen: 88_000n * WAN,
    rndExpenseFen: 9_000n * WAN,
  });
  smeB = await enterpriseActor(h.db, {
    name: '乙智造',
    parkId: nanhai.id,
    verificationStatus: 'verified',
    revenueFen: 88_000n * WAN,
    rndExpenseFen: 9_000n * WAN,
  });
  bank1 = await institutionActor(h.db, { name: '一号银行' });
  bank2 = await institutionActor(h.db, { name: '二号银行' });
  bankOff = await institutionActor(h.db, { name: '停业银行', status: 'suspended' });
  await h.db.insert(lprRates).values({ effectiveOn: '2020-01-20', oneYearBp: 300, fiveYearBp: 350 });
  await h.db.insert(certifications).values({
    enterpriseId: smeA.enterpriseId!,
    kind: 'high_tech',
    number: 'GR2024440001',
    validFrom: '2024-01-01',
    validTo: '2099-12-31',
    verificationStatus: 'verified',
  });

  await product('cheap', bank1, { rateMinBp: 320 }); // fits
  await product('lpr', bank2, { rateType: 'lpr_spread', rateMinBp: 40, rateMaxBp: 120, zoneExclusive: true }); // 3.40 % with the LPR, fits
  await product('pricey', bank2, { rateMinBp: 440 }); // fits, low score
  await product('termMiss', bank1, { termMinMonths: 48, termMaxMonths: 60 }); // one hard rule
  await product('rateMiss', bank2, { rateType: 'lpr_spread', rateMinBp: 200, rateMaxBp: 300 }); // 5.00 % > 4.50 %
  await product('certMiss', bank1, { requiredCertifications: ['gazelle'] }); // eligibility only
  await product('twoMiss', bank1, { termMinMonths: 48, termMaxMonths: 60, guaranteeMethods: ['mortgage'] }); // two hard rules
  await product('suspended', bank1, { status: 'suspended' });
  await product('draft', bank1, { status: 'draft', publishedAt: null });
  await product('inactive', bankOff); // published, but its institution is suspended

  // bank1 took 2 h, 4 h and 10 h to act on three applications (median 4 h); one it never touched.
  const submitted = new Date(Date.now() - hours(24 * 30));
  await h.db.insert(applications).values(
    [2, 4, 10, null].map((hrs, i) => ({
      enterpriseId: smeB.enterpriseId!,
      productId: P.cheap,
      institutionId: bank1.institutionId!,
      amountFen: 100n * WAN,
      termMonths: 12,
      idempotencyKey: `k${i}`,
      requestHash: 'h',
      submittedAt: submitted,
      firstActionAt: hrs === null ? null : new Date(submitted.getTime() + hours(hrs)),
    })),
  );

  needA = await need(smeA);
  needA2 = await need(smeA, { amountFen: 200n * WAN, termMonths: 12 });
  needB = await need(smeB, { guaranteeMethods: ['credit', 'mortgage'] });
});
afterAll(async () => h?.close());

describe('the candidates', () => {
  it('computes each institution’s median hours to first action', async () => {
    const m = await allResponseTimes(h.db);
    expect(m[bank1.institutionId!]).toMatchObject({ firstActionHours: 4, firstActionHoursExact: 4, applications: 4 });
    expect(m[bank2.institutionId!]).toBeUndefined();
  });

  it('keeps published products of active institutions failing at most one hard rule, with a flag per rule', async () => {
    const rows = await needCandidates(h.db, { amountFen: 500n * WAN, termMonths: 24, guaranteeMethods: ['credit'], maxRateBp: 450 });
    const ids = rows.map((r) => r.id);
    for (const k of ['cheap', 'lpr', 'pricey', 'termMiss', 'rateMiss', 'certMiss']) expect(ids).toContain(P[k]);
    for (const k of ['twoMiss', 'suspended', 'draft', 'inactive']) expect(ids).not.toContain(P[k]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(P.termMiss)).toMatchObject({ amountOk: true, termOk: false, guaranteeOk: true, rateOk: true });
    expect(byId.get(P.rateMiss)).toMatchObject({ rateOk: false, effectiveRateMinBp: 500 });
    expect(byId.get(P.lpr)).toMatchObject({ effectiveRateMinBp: 340, medianResponseHours: null });
    expect(byId.get(P.cheap)).toMatchObject({ medianResponseHours: 4 });
  });

  it('picks in memory exactly what the same rules in PostgreSQL pick, in the same order', async () => {
    const all = await matchableProducts(h.db);
    const needs = [
      { amountFen: 500n * WAN, termMonths: 24, guaranteeMethods: ['credit'], maxRateBp: 450 },
      { amountFen: 50n * WAN, termMonths: 6, guaranteeMethods: ['mortgage', 'credit'], maxRateBp: null },
      { amountFen: 2000n * WAN, termMonths: 48, guaranteeMethods: [], maxRateBp: 300 },
      { amountFen: 100n * WAN, termMonths: 12, guaranteeMethods: ['guarantee'], maxRateBp: 340 },
    ];
    for (const need of needs) {
      const methods = `{${need.guaranteeMethods.join(',')}}`;
      const f = sql`((case when p.amount_min_fen <= ${need.amountFen} and p.amount_max_fen >= ${need.amountFen} then 0 else 1 end)
        + (case when p.term_min_months <= ${need.termMonths} and p.term_max_months >= ${need.termMonths} then 0 else 1 end)
        + (case when p.guarantee_methods && ${methods}::guarantee_method[] then 0 else 1 end)
        + (case when ${need.maxRateBp}::int is null or (case when p.rate_type = 'lpr_spread' then p.rate_min_bp + coalesce((select one_year_bp from lpr_rates
            where effective_on <= (now() at time zone 'Asia/Shanghai')::date order by effective_on desc limit 1), 0) else p.rate_min_bp end) <= ${need.maxRateBp}::int then 0 else 1 end))`;
      const expected = rowsOf<{ id: string }>(
        await h.db.execute(sql`select p.id from products p join institutions i on i.id = p.institution_id
          where p.status = 'published' and i.status = 'active' and ${f} <= 1
          order by ${f}, (case when p.rate_type = 'lpr_spread' then p.rate_min_bp + coalesce((select one_year_bp from lpr_rates
            where effective_on <= (now() at time zone 'Asia/Shanghai')::date order by effective_on desc limit 1), 0) else p.rate_min_bp end), p.id`),
      ).map((r) => r.id);
      expect(pickCandidates(all, need).map((p) => p.id)).toEqual(expected);
      expect(pickCandidates(all, need, 2).map((p) => p.id)).toEqual(expected.slice(0, 2));
    }
  });
});

describe('matches for a need (enterprise)', () => {
  it('ranks the fits by score, then rate, and names the failed rule of each near miss', async () => {
    const r = await matchesForNeed(h.db, smeA, needA);
    expect(r.fits.map((f) => f.product.id).sort()).toEqual([P.cheap, P.lpr, P.pricey].sort());
    const keys = r.fits.map((f) => ({ score: f.score, effectiveRateMinBp: f.product.effectiveRateMinBp, id: f.product.id }));
    expect([...keys].sort(compareRanked)).toEqual(keys);
    expect(r.fits.at(-1)!.product.id).toBe(P.pricey);
    for (const f of r.fits) {
      expect(f.score).toBe(f.reasons.reduce((s, x) => s + x.points, 0));
      expect(f.reasons.map((x) => x.code)).toEqual(Object.keys(MATCH_WEIGHTS));
    }
    const cheap = r.fits.find((f) => f.product.id === P.cheap)!;
    expect(cheap.reasons.find((x) => x.code === 'response_time')).toMatchObject({ points: 15, detail: { hours: 4 } });
    expect(cheap.reasons.find((x) => x.code === 'certifications')).toMatchObject({ points: 5, detail: { kinds: ['high_tech'] } });
    const lpr = r.fits.find((f) => f.product.id === P.lpr)!;
    expect(lpr.reasons.find((x) => x.code === 'response_time')).toMatchObject({ points: 7, detail: { hours: 'none' } });
    expect(lpr.reasons.find((x) => x.code === 'zone_exclusive')?.points).toBe(10);

    const misses = Object.fromEntries(r.nearMisses.map((m) => [m.product.id, m.failed.map((f) => f.code)]));
    expect(misses).toEqual({ [P.termMiss]: ['term'], [P.rateMiss]: ['rate'], [P.certMiss]: ['certification'] });
  });

  it("reads the enterprise's eligibility facts with the need, as their own read gives them", async () => {
    const row = await needPageRow(h.db, needA, smeA.enterpriseId!);
    const facts = await getEligibilityFacts(h.db, smeA.enterpriseId!);
    expect(facts?.certifications.length).toBeGreaterThan(0);
    expect(row?.facts).toEqual(facts);
    expect(typeof row?.facts?.revenueFen).toBe('bigint');
  });

  it('never shows a suspended or draft product, or one of a suspended institution', async () => {
    const r = await matchesForNeed(h.db, smeA, needA);
    const shown = [...r.fits, ...r.nearMisses].map((f) => f.product.id);
    for (const k of ['suspended', 'draft', 'inactive', 'twoMiss']) expect(shown).not.toContain(P[k]);
  });

  it('answers not found for another enterprise’s need or an unknown one, forbidden for an institution', async () => {
    await expect(matchesForNeed(h.db, smeB, needA)).rejects.toMatchObject({ code: 'not_found' });
    await expect(matchesForNeed(h.db, smeA, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'not_found' });
    await expect(matchesForNeed(h.db, bank1, needA)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('fits for an institution', () => {
  it('lists open needs that fit its published products, eligibility included, ranked', async () => {
    const r = await fitsForInstitution(h.db, bank1, 1);
    const pairs = r.items.map((i) => `${i.need.id}:${i.product.id}`);
    expect(pairs).toContain(`${needA}:${P.cheap}`);
    expect(pairs).toContain(`${needB}:${P.cheap}`);
    // needA2 (12 months) fits `cheap` too; termMiss, twoMiss and the suspended product never fit.
    expect(pairs).toContain(`${needA2}:${P.cheap}`);
    for (const k of ['termMiss', 'twoMiss', 'suspended', 'draft', 'lpr']) expect(r.items.some((i) => i.product.id === P[k])).toBe(false);
    // certMiss passes the SQL rules but neither enterprise holds 瞪羚企业.
    expect(r.items.some((i) => i.product.id === P.certMiss)).toBe(false);
    expect(r.notEligible).toBe(3);
    expect(r.total).toBe(r.items.length + r.notEligible);
    const keys = r.items.map((i) => ({ score: i.score, effectiveRateMinBp: i.product.effectiveRateMinBp, id: `${i.need.id}:${i.product.id}` }));
    expect([...keys].sort(compareRanked)).toEqual(keys);
    expect(r.medianResponseHours).toBe(4);
  });

  it('counts the pairs exactly up to the cap, and says "more than" past it', async () => {
    const all = await fitsForInstitution(h.db, bank1, 1);
    expect(all.capped).toBe(false);
    const exact = await institutionFitPairs(h.db, bank1.institutionId!, { limit: 20, offset: 0 }, all.total);
    expect({ total: exact.total, capped: exact.capped }).toEqual({ total: all.total, capped: false });
    const capped = await institutionFitPairs(h.db, bank1.institutionId!, { limit: 20, offset: 0 }, all.total - 1);
    expect({ total: capped.total, capped: capped.capped }).toEqual({ total: all.total - 1, capped: true });
    expect(capped.items).toHaveLength(exact.items.length);
  });

  it('finds the same pages among the newest needs in small batches as among all of them at once', async () => {
    const id = bank1.institutionId!;
    const pairIds = (r: Awaited<ReturnType<typeof institutionFitPairs>>) => r.items.map((i) => `${i.need.id}:${i.product.id}`);
    const all = pairIds(await institutionFitPairs(h.db, id, { limit: 1000, offset: 0 }));
    expect(all.length).toBeGreaterThanOrEqual(6);
    // Newest need first, then product id: the order the batches rely on. The creation times in
    // microseconds, as PostgreSQL orders them: two needs made in the same millisecond are not a tie.
    const created = new Map(
      rowsOf<{ id: string; us: string }>(
        await h.db.execute(sql`select id::text, (extract(epoch from created_at) * 1000000)::bigint::text as us from financing_needs`),
      ).map((n) => [n.id, BigInt(n.us)]),
    );
    const order = all.map((k) => k.split(':'));
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [order[i - 1], order[i]];
      const newer = created.get(a[0])! - created.get(b[0])!;
      expect(newer > 0n || (newer === 0n && (a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]))), `${a} before ${b}`).toBe(true);
    }
    // Batches of 1 (or 2), 64, … needs: every page, the last one and one past the end included.
    for (const firstBatch of [1, 2])
      for (const limit of [1, 2, 3])
        for (let offset = 0; offset <= all.length + limit; offset += limit) {
          const page = await institutionFitPairs(h.db, id, { limit, offset }, FITS_COUNT_CAP, firstBatch);
          expect(pairIds(page), `batch ${firstBatch}, limit ${limit}, offset ${offset}`).toEqual(all.slice(offset, offset + limit));
          expect(page.total).toBe(all.length);
        }
  });

  it('lists one need’s pairs from the needs board: those of all its pairs, nothing for another or an unknown need', async () => {
    const all = await institutionFitPairs(h.db, bank1.institutionId!, { limit: 1000, offset: 0 });
    const needIds = [...new Set(all.items.map((i) => i.need.id))];
    expect(needIds.length).toBeGreaterThanOrEqual(2);
    for (const needId of needIds) {
      const one = await fitsForInstitution(h.db, bank1, 1, needId);
      const expected = (await fitsForInstitution(h.db, bank1, 1)).items.filter((i) => i.need.id === needId);
      expect(one.items.every((i) => i.need.id === needId)).toBe(true);
      expect(one.total).toBe(all.items.filter((i) => i.need.id === needId).length);
      expect(new Set(one.items.map((i) => i.product.id))).toEqual(new Set(expected.map((i) => i.product.id)));
    }
    const none = await fitsForInstitution(h.db, bank1, 1, '00000000-0000-4000-8000-000000000000');
    expect({ items: none.items, total: none.total }).toEqual({ items: [], total: 0 });
  });

  it('leaves out the needs of an enterprise the zone rejected: off the board, out of the fits, no interest', async () => {
    const fit = (await fitsForInstitution(h.db, bank1, 1)).items[0];
    const owner = fit.need.enterpriseId;
    const onBoard = async () => (await needsBoardFor(h.db, bank1, needsBoardQuerySchema.parse({}))).items.some((i) => i.id === fit.need.id);
    expect(await onBoard()).toBe(true);
    const [{ verificationStatus: was }] = await h.db
      .select({ verificationStatus: enterprises.verificationStatus })
      .from(enterprises)
      .where(eq(enterprises.id, owner));
    await h.db.update(enterprises).set({ verificationStatus: 'rejected' }).where(eq(enterprises.id, owner));
    try {
      expect(await onBoard()).toBe(false);
      expect((await fitsForInstitution(h.db, bank1, 1)).items.some((i) => i.need.enterpriseId === owner)).toBe(false);
      expect((await fitsForInstitution(h.db, bank1, 1, fit.need.id)).total).toBe(0);
      await expect(expressInterest(h.db, bank1, fit.need.id, fit.product.id)).rejects.toMatchObject({ messageKey: 'matching.errors.need_closed' });
    } finally {
      await h.db.update(enterprises).set({ verificationStatus: was }).where(eq(enterprises.id, owner));
    }
    expect(await onBoard()).toBe(true);
  });

  it('gives a suspended institution nothing, and enterprises no access', async () => {
    expect((await fitsForInstitution(h.db, bankOff, 1)).items).toEqual([]);
    await expect(fitsForInstitution(h.db, smeA, 1)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('interest and the enterprise’s answer', () => {
  const notificationsFor = async (needId: string) =>
    Number(
      (
        await h.db
          .select({ n: count() })
          .from(notifications)
          .where(and(eq(notifications.kind, 'match.interest'), eq(notifications.link, `/enterprise/needs/${needId}`)))
      )[0].n,
    );

  it('refuses foreign or unpublished products and closed needs', async () => {
    await expect(expressInterest(h.db, bank1, needA, P.lpr)).rejects.toMatchObject({ code: 'not_found' });
    await expect(expressInterest(h.db, bank1, needA, P.suspended)).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'matching.errors.product_not_published',
    });
    await expect(expressInterest(h.db, bankOff, needA, P.inactive)).rejects.toMatchObject({ code: 'conflict', messageKey: 'institution_not_active' });
    await expect(expressInterest(h.db, smeA, needA, P.cheap)).rejects.toMatchObject({ code: 'forbidden' });
    const closed = await need(smeB);
    await transitionNeed(h.db, smeB, closed, 'withdraw');
    await expect(expressInterest(h.db, bank1, closed, P.cheap)).rejects.toMatchObject({ code: 'conflict', messageKey: 'matching.errors.need_closed' });
  });

  it('twice: one match, one notification, the first action recorded once', async () => {
    const first = await expressInterest(h.db, bank1, needA, P.cheap);
    expect(first.created).toBe(true);
    expect(first.match).toMatchObject({ source: 'institution', status: 'contacted', createdBy: bank1.userId });
    expect(first.match.score).toBeGreaterThan(0);
    const [n1] = await h.db.select().from(financingNeeds).where(eq(financingNeeds.id, needA));
    expect(n1.firstInstitutionActionAt).toBeInstanceOf(Date);

    const second = await expressInterest(h.db, bank1, needA, P.cheap);
    expect(second).toMatchObject({ created: false, match: { id: first.match.id } });
    expect((await h.db.select({ n: count() }).from(matches).where(eq(matches.needId, needA)))[0].n).toBe(1);
    expect(await notificationsFor(needA)).toBe(1);
    const [n2] = await h.db.select().from(financingNeeds).where(eq(financingNeeds.id, needA));
    expect(n2.firstInstitutionActionAt).toEqual(n1.firstInstitutionActionAt);
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, first.match.id)).orderBy(auditEvents.id);
    expect(audit.map((a) => a.action)).toEqual(['match.create']);

    const interests = (await matchesForNeed(h.db, smeA, needA)).interests;
    expect(interests).toMatchObject([{ id: first.match.id, institutionName: '一号银行', status: 'contacted', accepted: false }]);
    const [stored] = await h.db.select().from(matches).where(eq(matches.id, first.match.id));
    expect(interests[0]).toMatchObject({
      score: stored.score,
      reasons: stored.reasons,
      createdAt: stored.createdAt,
      updatedAt: stored.updatedAt,
      productId: P.cheap,
    });
    const fit = (await fitsForInstitution(h.db, bank1, 1)).items.find((i) => i.need.id === needA && i.product.id === P.cheap);
    expect(fit?.matchStatus).toBe('contacted');
  });

  it('turns an engine suggestion into a contact through the match machine', async () => {
    const [m] = await h.db.insert(matches).values({ needId: needA2, productId: P.cheap, source: 'engine', score: 50, status: 'suggested' }).returning();
    const r = await expressInterest(h.db, bank1, needA2, P.cheap);
    expect(r).toMatchObject({ created: true, match: { id: m.id, source: 'institution', status: 'contacted' } });
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, m.id)).orderBy(auditEvents.id);
    expect(audit.map((a) => a.action)).toEqual(['match.contact']);
  });

  it('accept: a consent for that institution, the need matched with an audit row, financials on the board', async () => {
    const board = async () => (await needsBoardFor(h.db, bank1, needsBoardQuerySchema.parse({}))).items.find((i) => i.enterpriseId === smeA.enterpriseId);
    expect((await board())?.financials).toBeNull();

    const [m] = await h.db
      .select()
      .from(matches)
      .where(and(eq(matches.needId, needA), eq(matches.productId, P.cheap)));
    await expect(respondToInterest(h.db, smeB, m.id, true)).rejects.toMatchObject({ code: 'not_found' });
    await expect(respondToInterest(h.db, bank1, m.id, true)).rejects.toMatchObject({ code: 'forbidden' });

    const r = await respondToInterest(h.db, smeA, m.id, true);
    expect(r).toMatchObject({ accepted: true, changed: true });
    const granted = await h.db
      .select()
      .from(consents)
      .where(and(eq(consents.enterpriseId, smeA.enterpriseId!), eq(consents.institutionId, bank1.institutionId!)));
    expect(granted).toHaveLength(1);
    expect(granted[0]).toMatchObject({ source: 'match', scope: ['financials', 'documents', 'ip_valuations'], revokedAt: null });
    const days = (granted[0].expiresAt.getTime() - granted[0].grantedAt.getTime()) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(365);
    expect(days).toBeLessThanOrEqual(366);

    const [n] = await h.db.select().from(financingNeeds).where(eq(financingNeeds.id, needA));
    expect(n.status).toBe('matched');
    const needAudit = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, needA));
    expect(needAudit.map((a) => a.action)).toContain('financing_need.match');
    const told = await h.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.institutionId, bank1.institutionId!), eq(notifications.kind, 'match.accepted')));
    expect(told).toHaveLength(1);

    // needA2 is still open: the board now shows 甲's financial details to bank1 (and only to bank1).
    expect((await board())?.financials).toEqual({ revenueFen: 88_000n * WAN, rndExpenseFen: 9_000n * WAN, ipValuationFen: 0n });
    const other = (await needsBoardFor(h.db, bank2, needsBoardQuerySchema.parse({}))).items.find((i) => i.enterpriseId === smeA.enterpriseId);
    expect(other?.financials).toBeNull();

    // Accepting again changes nothing; an accepted interest cannot be declined.
    expect(await respondToInterest(h.db, smeA, m.id, true)).toMatchObject({ accepted: true, changed: false });
    expect((await h.db.select({ n: count() }).from(consents).where(eq(consents.enterpriseId, smeA.enterpriseId!)))[0].n).toBe(1);
    await expect(respondToInterest(h.db, smeA, m.id, false)).rejects.toMatchObject({ code: 'conflict', messageKey: 'matching.errors.already_accepted' });
    expect((await matchesForNeed(h.db, smeA, needA)).interests[0]).toMatchObject({ accepted: true });
  });

  it('decline: no consent, the match declined, and the interest cannot be renewed', async () => {
    const { match } = await expressInterest(h.db, bank2, needB, P.pricey);
    const r = await respondToInterest(h.db, smeB, match.id, false);
    expect(r).toMatchObject({ accepted: false, changed: true, match: { status: 'declined' } });
    expect((await h.db.select({ n: count() }).from(consents).where(eq(consents.enterpriseId, smeB.enterpriseId!)))[0].n).toBe(0);
    const [n] = await h.db.select().from(financingNeeds).where(eq(financingNeeds.id, needB));
    expect(n.status).toBe('open');
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, match.id)).orderBy(auditEvents.id);
    expect(audit.map((a) => a.action)).toEqual(['match.create', 'match.decline']);
    await expect(respondToInterest(h.db, smeB, match.id, true)).rejects.toMatchObject({ code: 'conflict' });
    await expect(expressInterest(h.db, bank2, needB, P.pricey)).rejects.toMatchObject({ code: 'conflict', messageKey: 'matching.errors.declined' });
  });
});

describe('applying from a need: the match becomes applied', () => {
  let key = 0;
  const apply = (who: Actor, needId: string, productId: string) =>
    submitApplication(
      h.db,
      who,
      applicationFormSchema.parse({
        productId,
        needId,
        amountWan: '200',
        termMonths: '24',
        ipAssetIds: [],
        repaymentMethod: '',
        idempotencyKey: `from-need-${++key}`,
      }),
    );
  const matchOf = async (needId: string, productId: string) =>
    (
      await h.db
        .select()
        .from(matches)
        .where(and(eq(matches.needId, needId), eq(matches.productId, productId)))
    )[0];

  it('an institution’s interest the enterprise answered by applying: the same match, applied through the machine', async () => {
    const before = await matchOf(needA, P.cheap);
    expect(before.status).toBe('contacted');
    await apply(smeA, needA, P.cheap);
    const after = await matchOf(needA, P.cheap);
    expect(after).toMatchObject({ id: before.id, status: 'applied', source: 'institution', score: before.score });
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, before.id)).orderBy(auditEvents.id);
    expect(audit.map((a) => a.action).at(-1)).toBe('match.apply');
    expect((await matchesForNeed(h.db, smeA, needA)).interests.find((i) => i.id === before.id)).toMatchObject({ status: 'applied' });
  });

  it('a product nobody suggested: the enterprise’s choice is recorded, scored, for the officer to read', async () => {
    expect(await matchOf(needA, P.pricey)).toBeUndefined();
    const { application } = await apply(smeA, needA, P.pricey);
    const m = await matchOf(needA, P.pricey);
    expect(m).toMatchObject({ source: 'enterprise', status: 'applied', createdBy: smeA.userId });
    expect(m.score).toBeGreaterThan(0);
    expect((m.reasons as { code: string }[]).map((r) => r.code)).toContain('rate_fit');
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, m.id));
    expect(audit.map((a) => a.action)).toEqual(['match.create']);
    // The same score the engine gives the pair on the need page.
    const fit = (await matchesForNeed(h.db, smeA, needA, { allFits: true })).fits.find((f) => f.product.id === P.pricey);
    expect(fit?.score).toBe(m.score);
    // One match per pair: the institution's on P.cheap and this one.
    expect((await h.db.select({ n: count() }).from(matches).where(eq(matches.needId, needA)))[0].n).toBe(2);
    expect(application.needId).toBe(needA);
  });

  it('a match the enterprise declined stays declined', async () => {
    expect((await matchOf(needB, P.pricey)).status).toBe('declined');
    await apply(smeB, needB, P.pricey);
    expect((await matchOf(needB, P.pricey)).status).toBe('declined');
  });
});

describe('a need with many fits (enterprise)', () => {
  it(`lists the best ${FITS_SHOWN} with how many fit in all, and every fit on request, in the same order`, async () => {
    // Products only this need fits (amount and term far from the other tests' needs).
    for (let i = 0; i < FITS_SHOWN + 5; i++)
      await product(`many${i}`, bank1, { amountMinFen: 9000n * WAN, amountMaxFen: 9500n * WAN, termMinMonths: 60, termMaxMonths: 60, rateMinBp: 300 + i });
    const many = await need(smeA, { amountFen: 9200n * WAN, termMonths: 60 });
    const top = await matchesForNeed(h.db, smeA, many);
    const all = await matchesForNeed(h.db, smeA, many, { allFits: true });
    expect(all.fitsTotal).toBe(FITS_SHOWN + 5);
    expect(all.fits).toHaveLength(FITS_SHOWN + 5);
    expect(top.fitsTotal).toBe(FITS_SHOWN + 5);
    expect(top.fits.map((f) => f.product.id)).toEqual(all.fits.slice(0, FITS_SHOWN).map((f) => f.product.id));
    expect(top.nearMisses).toEqual(all.nearMisses);
  });
});
