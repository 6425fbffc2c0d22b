import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { auditEvents, enterprises, institutions, notifications, parks, registrationAttempts, users } from '../../db/schema';
import { openTestDb } from '../../db/testing';
import { verifyPassword } from '../auth/password';
import { AppError } from '../core/errors';
import { registerEnterprise as registerEnterpriseAt, registerInstitution as registerInstitutionAt } from './registration';
import { DEFAULT_REGISTRATIONS_PER_HOUR } from './registration-limit';
import { renderNotification } from '../notifications/render';
import { withUsccCheckChar } from './uscc';
import { institutionRegistrationSchema } from '../validation/auth';
import { enterpriseRegistrationForm, institutionRegistrationForm, refusalOf } from './registration-testing';

let h: DbHandle;
let parkId: number;
let seq = 0;
/** Every test's registrations come from their own address unless it says otherwise. */
const freshIp = () => `198.51.100.${++seq}`;
const registerEnterprise = (db: DbHandle['db'], input: Parameters<typeof registerEnterpriseAt>[1], ip = freshIp()) => registerEnterpriseAt(db, input, { ip });
const registerInstitution = (db: DbHandle['db'], input: Parameters<typeof registerInstitutionAt>[1], ip = freshIp()) =>
  registerInstitutionAt(db, input, { ip });

beforeAll(async () => {
  h = await openTestDb();
  const [p] = await h.db.insert(parks).values({ code: 'nanhai', name: '南海园', nameEn: 'Nanhai Park', districtCode: '440605' }).returning();
  parkId = p.id;
});
afterAll(async () => h?.close());

const enterpriseForm = (over: Record<string, unknown> = {}) => enterpriseRegistrationForm(parkId, over);
const errorOf = refusalOf;

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
    // It leads to where the admin verifies the enterprise.
    expect(notes[0].link).toBe('/admin/verification');
  });

  it('keeps a code confirmed as printed, flagged for the admin', async () => {
    const good = withUsccCheckChar('91440605MA4UREG02');
    const bad = good.slice(0, 17) + (good[17] === 'A' ? 'B' : 'A');
    const r = await registerEnterprise(h.db, enterpriseForm({ uscc: bad, confirmAsPrinted: true, email: 'reg2@example.com' }));
    expect(r.usccCheckOverridden).toBe(true);
    const [e] = await h.db.select().from(enterprises).where(eq(enterprises.id, r.enterpriseId));
    expect(e).toMatchObject({ uscc: bad, usccCheckOverridden: true, verificationStatus: 'unverified' });
  });

  it('registers a code issued outside the zone’s cities, flagged for the admin who verifies it', async () => {
    const shenzhen = withUsccCheckChar('91440305MA5UXT001'); // 深圳市南山区, not 4406 (Foshan)
    const r = await registerEnterprise(h.db, enterpriseForm({ uscc: shenzhen, email: 'reg-outside@example.com' }));
    expect(r).toMatchObject({ outsideZone: true, usccCheckOverridden: false });
    const [e] = await h.db.select().from(enterprises).where(eq(enterprises.id, r.enterpriseId));
    expect(e).toMatchObject({ uscc: shenzhen, verificationStatus: 'unverified', parkId });
    const [note] = await h.db.select().from(notifications).where(eq(notifications.entityId, r.enterpriseId));
    expect(note).toMatchObject({ kind: 'enterprise.registered_outside_zone', toAdmins: true });
    expect(note.params).toEqual({ enterprise: e.name, checkFailed: false, outsideZone: true });
    expect(renderNotification(note, 'zh').title).toContain('行政区划不在园区所在城市');
    expect(renderNotification(note, 'en').title).toBe(`New enterprise (credit code’s region is outside the zone’s city; check by hand): ${e.name}`);
    expect(
      (await registerEnterprise(h.db, enterpriseForm({ uscc: withUsccCheckChar('91440605MA4UXT002'), email: 'reg-inside@example.com' }))).outsideZone,
    ).toBe(false);
  });

  it('refuses a taken email or credit code and changes nothing', async () => {
    const before = await h.db.select({ n: count() }).from(enterprises);
    expect(await errorOf(registerEnterprise(h.db, enterpriseForm({ uscc: withUsccCheckChar('91440605MA4UREG03') })))).toEqual({
      code: 'conflict',
      key: 'email_taken',
      field: 'email',
    });
    expect(await errorOf(registerEnterprise(h.db, enterpriseForm({ email: 'other@example.com' })))).toEqual({
      code: 'conflict',
      key: 'uscc_taken',
      field: 'uscc',
    });
    const after = await h.db.select({ n: count() }).from(enterprises);
    expect(after[0].n).toBe(before[0].n);
  });

  it('refuses an unknown park', async () => {
    expect(
      await errorOf(registerEnterprise(h.db, enterpriseForm({ parkId: '99999', email: 'p@example.com', uscc: withUsccCheckChar('91440605MA4UREG04') }))),
    ).toMatchObject({
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

const institutionForm = institutionRegistrationForm;

const countOf = async (table: typeof enterprises | typeof institutions | typeof users) => Number((await h.db.select({ n: count() }).from(table))[0].n);

describe('one credit code per organisation, across enterprises and institutions', () => {
  it('refuses an enterprise with an institution’s code as a field error on the code, creating nothing', async () => {
    const bankCode = withUsccCheckChar('91440600MA4UBNK03');
    await registerInstitution(h.db, institutionForm({ uscc: bankCode, name: '工商银行佛山分行（测试）', email: 'icbc-test@bank.cn' }));
    const [e0, u0] = [await countOf(enterprises), await countOf(users)];
    expect(await errorOf(registerEnterprise(h.db, enterpriseForm({ uscc: bankCode, name: '工商银行佛山分行', email: 'fake-bank@example.com' })))).toEqual({
      code: 'conflict',
      key: 'uscc_taken_other_org',
      field: 'uscc',
    });
    expect([await countOf(enterprises), await countOf(users)]).toEqual([e0, u0]);
  });

  it('refuses an institution with an enterprise’s code the same way', async () => {
    const code = withUsccCheckChar('91440605MA4UREG05');
    await registerEnterprise(h.db, enterpriseForm({ uscc: code, email: 'reg5@example.com' }));
    const i0 = await countOf(institutions);
    expect(await errorOf(registerInstitution(h.db, institutionForm({ uscc: code, email: 'officer5@testbank.cn' })))).toEqual({
      code: 'conflict',
      key: 'uscc_taken_other_org',
      field: 'uscc',
    });
    expect(await countOf(institutions)).toBe(i0);
  });
});

describe('registrations per address', () => {
  const n = DEFAULT_REGISTRATIONS_PER_HOUR; // 5
  const form = (k: string) => enterpriseForm({ uscc: withUsccCheckChar(`91440605MA4L${k}`), email: `limit-${k.toLowerCase()}@example.com` });

  it('refuses the 6th registration from one address within an hour, saying when to retry; other addresses go on', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < n; i++)
      await (i % 2
        ? registerEnterprise(h.db, form(`A000${i}`), ip)
        : registerInstitution(h.db, institutionForm({ uscc: withUsccCheckChar(`91440600MA4L${'B000' + i}`), email: `limit-bank${i}@example.com` }), ip));
    const [e0, i0, u0] = [await countOf(enterprises), await countOf(institutions), await countOf(users)];
    const [oldest] = await h.db
      .select({ at: registrationAttempts.at })
      .from(registrationAttempts)
      .where(eq(registrationAttempts.ip, ip))
      .orderBy(registrationAttempts.at)
      .limit(1);
    const refused = await errorOf(registerEnterprise(h.db, form('A0009'), ip));
    expect(refused).toMatchObject({ code: 'rate_limited', key: 'registration_limited' });
    // The oldest of the five leaves the window an hour after it was made.
    expect(refused?.vars).toEqual({ limit: '5', retryAt: new Date(oldest.at.getTime() + 3_600_000).toISOString() });
    expect(
      await errorOf(registerInstitution(h.db, institutionForm({ uscc: withUsccCheckChar('91440600MA4LB0009'), email: 'limit-bank9@example.com' }), ip)),
    ).toMatchObject({ code: 'rate_limited' });
    expect([await countOf(enterprises), await countOf(institutions), await countOf(users)]).toEqual([e0, i0, u0]);
    expect(await registerEnterprise(h.db, form('A0010'), '203.0.113.8')).toMatchObject({ usccCheckOverridden: false });
  });

  it('counts only the last hour', async () => {
    const ip = '203.0.113.9';
    await h.db.insert(registrationAttempts).values(Array.from({ length: n }, () => ({ ip, at: sql`now() - interval '61 minutes'` as unknown as Date })));
    expect(await registerEnterprise(h.db, form('C0001'), ip)).toMatchObject({ usccCheckOverridden: false });
  });

  it('a registration that fails does not use up the address’s allowance', async () => {
    const ip = '203.0.113.10';
    for (let i = 0; i < n + 2; i++)
      expect(await errorOf(registerEnterprise(h.db, enterpriseForm({ email: `dup-${i}@example.com` }), ip))).toMatchObject({ key: 'uscc_taken' });
    expect(await registerEnterprise(h.db, form('D0001'), ip)).toMatchObject({ usccCheckOverridden: false });
  });

  it('lets exactly 5 of 12 concurrent registrations from one address through', async () => {
    const ip = '203.0.113.11';
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => registerEnterprise(h.db, form(`E${String(i).padStart(4, '0')}`), ip)));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected' && r.reason instanceof AppError && r.reason.code === 'rate_limited');
    expect([ok.length, refused.length]).toEqual([n, 12 - n]);
    expect(Number((await h.db.select({ n: count() }).from(registrationAttempts).where(eq(registrationAttempts.ip, ip)))[0].n)).toBe(n);
  });
});
