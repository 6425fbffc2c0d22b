import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { auditEvents, enterprises, institutions, notifications, parks, users } from '../db/schema';
import { openTestDb } from '../db/testing';
import { verifyPassword } from './auth/password';
import { AppError } from './errors';
import { registerEnterprise, registerInstitution } from './registration';
import { withUsccCheckChar } from './uscc';
import { enterpriseRegistrationSchema, institutionRegistrationSchema } from './validation/auth';

let h: DbHandle;
let parkId: number;

beforeAll(async () => {
  h = await openTestDb();
  const [p] = await h.db.insert(parks).values({ code: 'nanhai', name: '南海园', nameEn: 'Nanhai Park', districtCode: '440605' }).returning();
  parkId = p.id;
});
afterAll(async () => h?.close());

const enterpriseForm = (over: Record<string, unknown> = {}) =>
  enterpriseRegistrationSchema.parse({
    uscc: withUsccCheckChar('91440605MA4UREG01'),
    confirmAsPrinted: false,
    name: '佛山市南海区注册测试有限公司',
    parkId: String(parkId),
    industry: 'C',
    foundedOn: '2018-03-01',
    registeredCapitalWan: '500',
    employees: '40',
    contactName: '刘洋',
    email: 'reg1@example.com',
    password: 'correct-horse-battery',
    passwordConfirm: 'correct-horse-battery',
    ...over,
  });

async function errorOf(p: Promise<unknown>) {
  try {
    await p;
    return null;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, key: e.messageKey, field: e.details?.field };
    throw e;
  }
}

describe('enterprise self-registration', () => {
  it('creates the enterprise (unverified), its owner with an argon2 hash, an audit row and an admin notice', async () => {
    const r = await registerEnterprise(h.db, enterpriseForm());
    const [e] = await h.db.select().from(enterprises).where(eq(enterprises.id, r.enterpriseId));
    expect(e).toMatchObject({ verificationStatus: 'unverified', usccCheckOverridden: false, registeredCapitalFen: 500_000_000n, parkId });
    const [u] = await h.db.select().from(users).where(eq(users.id, r.userId));
    expect(u).toMatchObject({ role: 'enterprise', enterpriseId: r.enterpriseId, memberRole: 'owner', email: 'reg1@example.com' });
    expect(u.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(u.passwordHash, 'correct-horse-battery')).toBe(true);
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, r.enterpriseId));
    expect(audit.map((a) => a.action)).toEqual(['enterprise.register']);
    const notes = await h.db.select().from(notifications).where(eq(notifications.entityId, r.enterpriseId));
    expect(notes).toHaveLength(1);
    expect(notes[0].toAdmins).toBe(true);
  });

  it('keeps a code confirmed as printed, flagged for the admin', async () => {
    const good = withUsccCheckChar('91440605MA4UREG02');
    const bad = good.slice(0, 17) + (good[17] === 'A' ? 'B' : 'A');
    const r = await registerEnterprise(h.db, enterpriseForm({ uscc: bad, confirmAsPrinted: true, email: 'reg2@example.com' }));
    expect(r.usccCheckOverridden).toBe(true);
    const [e] = await h.db.select().from(enterprises).where(eq(enterprises.id, r.enterpriseId));
    expect(e).toMatchObject({ uscc: bad, usccCheckOverridden: true, verificationStatus: 'unverified' });
  });

  it('refuses a taken email or credit code and changes nothing', async () => {
    const before = await h.db.select({ n: count() }).from(enterprises);
    expect(await errorOf(registerEnterprise(h.db, enterpriseForm({ uscc: withUsccCheckChar('91440605MA4UREG03') })))).toEqual({
      code: 'conflict',
      key: 'email_taken',
      field: 'email',
    });
    expect(await errorOf(registerEnterprise(h.db, enterpriseForm({ email: 'other@example.com' })))).toEqual({ code: 'conflict', key: 'uscc_taken', field: 'uscc' });
    const after = await h.db.select({ n: count() }).from(enterprises);
    expect(after[0].n).toBe(before[0].n);
  });

  it('refuses an unknown park', async () => {
    expect(await errorOf(registerEnterprise(h.db, enterpriseForm({ parkId: '99999', email: 'p@example.com', uscc: withUsccCheckChar('91440605MA4UREG04') })))).toMatchObject({
      key: 'park',
      field: 'parkId',
    });
  });
});

describe('institution application', () => {
  it('creates a pending institution and its owner', async () => {
    const input = institutionRegistrationSchema.parse({
      uscc: withUsccCheckChar('91440600MA4UBNK01'),
      name: '测试银行佛山分行',
      kind: 'bank',
      contactPhone: '0757-83000000',
      contactName: '周杰',
      email: 'officer@testbank.cn',
      password: 'correct-horse-battery',
      passwordConfirm: 'correct-horse-battery',
    });
    const r = await registerInstitution(h.db, input);
    const [i] = await h.db.select().from(institutions).where(eq(institutions.id, r.institutionId));
    expect(i.status).toBe('pending');
    const [u] = await h.db.select().from(users).where(eq(users.id, r.userId));
    expect(u).toMatchObject({ role: 'institution', institutionId: i.id, memberRole: 'owner' });
  });
});
