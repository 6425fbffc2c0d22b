// useConsent (DESIGN §2 consent): one consent_access_log row per access under a live financials
// consent of this institution to this enterprise, the latest-expiring when several are live; no
// row and null otherwise (none, another institution's, another enterprise's, revoked, expired, or a
// consent whose scope leaves out financials).
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { enterpriseActor, institutionActor } from '../test-fixtures';
import type { DbHandle } from '../../db/client';
import { consentAccessLog, consents, parks } from '../../db/schema';
import { openTestDb } from '../../db/testing';
import { useConsent } from '../../db/queries/needs';

let h: DbHandle;
let sme: Actor;
let otherSme: Actor;
let bank: Actor;
let otherBank: Actor;
const day = 86_400_000;
const rows = async () => Number((await h.db.select({ n: count() }).from(consentAccessLog))[0].n);
const consent = (o: Partial<typeof consents.$inferInsert> = {}) =>
  h.db
    .insert(consents)
    .values({
      enterpriseId: sme.enterpriseId!,
      institutionId: bank.institutionId!,
      scope: ['financials'],
      source: 'application',
      expiresAt: new Date(Date.now() + day),
      ...o,
    })
    .returning()
    .then(([c]) => c);
const use = (who = bank, of = sme) => useConsent(h.db, of.enterpriseId!, who.institutionId!, who.userId, 'score_report');

beforeAll(async () => {
  h = await openTestDb();
  const [p] = await h.db.insert(parks).values({ code: 'nanhai', name: '南海园', nameEn: 'Nanhai', districtCode: '440605' }).returning();
  sme = await enterpriseActor(h.db, { name: '授权甲科技', parkId: p.id });
  otherSme = await enterpriseActor(h.db, { name: '授权乙科技', parkId: p.id });
  bank = await institutionActor(h.db, { name: '授权一号银行' });
  otherBank = await institutionActor(h.db, { name: '授权二号银行' });
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.delete(consentAccessLog);
  await h.db.delete(consents);
});

describe('useConsent', () => {
  it('writes no row without a live financials consent of this institution to this enterprise', async () => {
    await consent({ institutionId: otherBank.institutionId! });
    await consent({ enterpriseId: otherSme.enterpriseId! });
    await consent({ revokedAt: new Date() });
    await consent({ expiresAt: new Date(Date.now() - 1000) });
    await consent({ scope: ['documents', 'ip_valuations'] });
    expect(await use()).toBeNull();
    expect(await rows()).toBe(0);
  });

  it('writes exactly one row per access, naming the latest-expiring live consent, when several are live', async () => {
    await consent({ expiresAt: new Date(Date.now() + day) });
    const later = await consent({ expiresAt: new Date(Date.now() + 3 * day), source: 'match' });
    expect(await use()).toBe(later.id);
    expect(await rows()).toBe(1);
    expect(await use()).toBe(later.id);
    const logged = await h.db.select().from(consentAccessLog);
    expect(logged.map((r) => [r.consentId, r.userId, r.what])).toEqual([
      [later.id, bank.userId, 'score_report'],
      [later.id, bank.userId, 'score_report'],
    ]);
    expect(await use(otherBank)).toBeNull();
    expect(await rows()).toBe(2);
  });
});
