import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_COUNT_CAP, countAuditEvents, listAuditEvents, writeAudit } from '../../db/queries/audit';
import { searchCatalogue } from '../../db/queries/products';
import { sessionAccount } from '../../db/queries/users';
import { searchInstitutions, searchUsers } from '../../db/queries/users-admin';
import type { DbHandle } from '../../db/client';
import { auditEvents, enterprises, institutions, parks, passwordResetTokens, products, users } from '../../db/schema';
import { openTestDb } from '../../db/testing';
import { signedInAccount } from '../auth/account';
import type { Actor } from '../auth/actor';
import { hashPassword } from '../auth/password';
import { authenticate } from '../auth/sign-in';
import { decideInstitution } from '../institutions/service';
import { setPasswordWithToken } from '../enterprises/profile';
import { auditChanges } from '../core/audit-changes';
import { auditLog, disableUser, enableUser, issuePasswordReset, RESET_LINK_HOURS, signOutEverywhere } from './users';
import { withUsccCheckChar } from '../enterprises/uscc';
import { auditQuerySchema, type AuditQueryInput } from '../validation/admin';
import { catalogueQuerySchema } from '../validation/catalogue';

let h: DbHandle;
let admin: Actor;
let otherAdmin: Actor;
let officer: Actor; // an institution user: not allowed to oversee
let bankId: string;
let enterpriseId: string;
let targetId: string; // the enterprise user the admins act on
const PASSWORD = 'old-password-123';
let ipSeq = 0;

const actorOf = (u: typeof users.$inferSelect): Actor => ({
  userId: u.id,
  role: u.role,
  name: u.name,
  email: u.email,
  enterpriseId: u.enterpriseId,
  institutionId: u.institutionId,
  memberRole: u.memberRole,
});
const signIn = (email: string, password = PASSWORD) => authenticate(h.db, { email, password, ip: `10.0.0.${++ipSeq % 250}` });
const auditOf = async (entityId: string) =>
  (await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId)).orderBy(auditEvents.id)).map((a) => a.action);

beforeAll(async () => {
  h = await openTestDb();
  const hash = await hashPassword(PASSWORD);
  const [park] = await h.db.insert(parks).values({ code: 'nanhai', name: '南海园', nameEn: 'Nanhai', districtCode: '440605' }).returning();
  const [e] = await h.db
    .insert(enterprises)
    .values({
      uscc: withUsccCheckChar('91440605MA4U00001'),
      name: '监管测试科技有限公司',
      parkId: park.id,
      industry: 'C',
      foundedOn: '2015-01-01',
      registeredCapitalFen: 1n,
      employees: 5,
      revenueFen: 1n,
      rndExpenseFen: 0n,
    })
    .returning();
  enterpriseId = e.id;
  const [bank] = await h.db
    .insert(institutions)
    .values({
      name: '监管测试银行',
      kind: 'bank',
      uscc: withUsccCheckChar('91440600MA4U00002'),
      contactName: 'x',
      contactPhone: '1',
      contactEmail: 'x@x',
      status: 'active',
    })
    .returning();
  bankId = bank.id;
  const [a1, a2, off, target] = await h.db
    .insert(users)
    .values([
      { name: '管理员甲', email: 'admin1@x.cn', passwordHash: hash, role: 'admin' },
      { name: '管理员乙', email: 'admin2@x.cn', passwordHash: hash, role: 'admin' },
      { name: '信贷员', email: 'officer@bank.cn', passwordHash: hash, role: 'institution', institutionId: bank.id, memberRole: 'officer' },
      { name: '财务经理', email: 'cfo@sme.cn', passwordHash: hash, role: 'enterprise', enterpriseId: e.id, memberRole: 'owner' },
    ])
    .returning();
  admin = actorOf(a1);
  otherAdmin = actorOf(a2);
  officer = actorOf(off);
  targetId = target.id;
  await h.db.insert(products).values({
    institutionId: bank.id,
    name: '监管测试信用贷',
    category: 'credit',
    summary: '测试',
    amountMinFen: 1n,
    amountMaxFen: 10_000_000_000n,
    termMinMonths: 1,
    termMaxMonths: 60,
    rateMinBp: 300,
    rateMaxBp: 500,
    guaranteeMethods: ['credit'],
    repaymentMethods: ['bullet'],
    status: 'published',
    publishedAt: new Date(),
  });
});
afterAll(async () => h?.close());

describe('disabling and enabling a user', () => {
  it('disables: sign-in is refused as disabled, audited without the password hash', async () => {
    expect((await signIn('cfo@sme.cn')).ok).toBe(true);
    const after = await disableUser(h.db, admin, targetId, 'req-1');
    expect(after.status).toBe('disabled');
    expect(await signIn('cfo@sme.cn')).toEqual({ ok: false, reason: 'disabled' });
    // A wrong password still says only "invalid": the status is not revealed without the password.
    expect(await signIn('cfo@sme.cn', 'wrong-password-1')).toEqual({ ok: false, reason: 'invalid' });

    const [row] = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, targetId), eq(auditEvents.action, 'user.disable')));
    expect(row).toMatchObject({ actorUserId: admin.userId, actorRole: 'admin', entity: 'user', requestId: 'req-1' });
    expect(row.before).toMatchObject({ status: 'active', email: 'cfo@sme.cn' });
    expect(row.after).toMatchObject({ status: 'disabled' });
    expect(JSON.stringify([row.before, row.after])).not.toMatch(/password|argon2/i);
  });

  it('refuses disabling twice (conflict) and enables back', async () => {
    await expect(disableUser(h.db, admin, targetId)).rejects.toMatchObject({ code: 'conflict' });
    expect((await enableUser(h.db, otherAdmin, targetId)).status).toBe('active');
    expect((await signIn('cfo@sme.cn')).ok).toBe(true);
    await expect(enableUser(h.db, admin, targetId)).rejects.toMatchObject({ code: 'conflict' });
    expect(await auditOf(targetId)).toEqual(['user.disable', 'user.enable']);
  });

  it('refuses an admin disabling themself, but one admin may disable another', async () => {
    await expect(disableUser(h.db, admin, admin.userId)).rejects.toMatchObject({ code: 'forbidden', messageKey: 'oversight.errors.self_disable' });
    await expect(disableUser(h.db, admin, admin.userId.toUpperCase())).rejects.toMatchObject({ code: 'forbidden' });
    const [self] = await h.db.select().from(users).where(eq(users.id, admin.userId));
    expect(self.status).toBe('active');
    expect((await disableUser(h.db, admin, otherAdmin.userId)).status).toBe('disabled');
    expect((await enableUser(h.db, admin, otherAdmin.userId)).status).toBe('active');
  });

  it('is for admins only; an unknown user is not found', async () => {
    await expect(disableUser(h.db, officer, targetId)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(enableUser(h.db, officer, targetId)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(issuePasswordReset(h.db, officer, targetId)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(auditLog(h.db, officer, auditQuerySchema.parse({}))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(disableUser(h.db, admin, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'not_found' });
    await expect(issuePasswordReset(h.db, admin, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('a one-time password-reset link', () => {
  it('works once, lives 24 hours, and is audited without the token', async () => {
    const before = Date.now();
    const { token, expiresAt } = await issuePasswordReset(h.db, admin, targetId, 'req-2');
    expect(expiresAt.getTime() - before).toBeGreaterThanOrEqual(RESET_LINK_HOURS * 3_600_000 - 1000);
    expect(expiresAt.getTime() - before).toBeLessThanOrEqual(RESET_LINK_HOURS * 3_600_000 + 5000);
    const stored = await h.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, targetId));
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).not.toBe(token); // only the hash is kept
    expect(stored[0].createdBy).toBe(admin.userId);

    // The old password keeps working until the link is used.
    expect((await signIn('cfo@sme.cn')).ok).toBe(true);
    await setPasswordWithToken(h.db, token, 'new-password-456');
    expect((await signIn('cfo@sme.cn', 'new-password-456')).ok).toBe(true);
    expect((await signIn('cfo@sme.cn')).ok).toBe(false);
    await expect(setPasswordWithToken(h.db, token, 'third-password-789')).rejects.toMatchObject({ code: 'invalid' });

    const [row] = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, targetId), eq(auditEvents.action, 'user.issue_password_reset')));
    expect(row).toMatchObject({ actorUserId: admin.userId, requestId: 'req-2' });
    expect(JSON.stringify(row.after)).not.toContain(token);
    expect(JSON.stringify(row.after)).not.toContain(stored[0].tokenHash);
    expect((await auditOf(targetId)).slice(-2)).toEqual(['user.issue_password_reset', 'user.set_password']);
  });

  it('stops working once expired', async () => {
    const { token } = await issuePasswordReset(h.db, admin, targetId);
    await h.db
      .update(passwordResetTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResetTokens.userId, targetId));
    await expect(setPasswordWithToken(h.db, token, 'expired-password-1')).rejects.toMatchObject({ code: 'invalid' });
    expect((await signIn('cfo@sme.cn', 'new-password-456')).ok).toBe(true);
  });

  it('ends the previous unused link when a new one is issued, and when the user is disabled', async () => {
    const first = await issuePasswordReset(h.db, admin, targetId);
    const second = await issuePasswordReset(h.db, otherAdmin, targetId);
    await expect(setPasswordWithToken(h.db, first.token, 'first-link-pass-1')).rejects.toMatchObject({ code: 'invalid' });

    await disableUser(h.db, admin, targetId);
    await expect(setPasswordWithToken(h.db, second.token, 'second-link-pass')).rejects.toMatchObject({ code: 'invalid' });
    await enableUser(h.db, admin, targetId);

    const third = await issuePasswordReset(h.db, admin, targetId);
    await setPasswordWithToken(h.db, third.token, 'third-link-pass-1');
    expect((await signIn('cfo@sme.cn', 'third-link-pass-1')).ok).toBe(true);
  });
});

describe('ending a user’s sessions', () => {
  /** A session as sign-in issues it: the user's session version at that moment. */
  const openSession = async (email: string, password: string) => {
    const r = await signIn(email, password);
    if (!r.ok) throw new Error(`sign-in failed: ${r.reason}`);
    return r.user.sessionVersion;
  };
  const stillSignedIn = async (userId: string, version: number) => signedInAccount(await sessionAccount(h.db, userId), version) !== null;
  const versionOf = async (userId: string) => (await h.db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, userId)))[0].v;

  it('an admin’s “sign out everywhere” ends every open session at once, audited; signing in again works', async () => {
    const a = await openSession('cfo@sme.cn', 'third-link-pass-1');
    const b = await openSession('cfo@sme.cn', 'third-link-pass-1');
    expect(await stillSignedIn(targetId, a)).toBe(true);
    const r = await signOutEverywhere(h.db, admin, targetId, 'req-so');
    expect(r).toEqual({ sessionVersion: a + 1 });
    expect(await stillSignedIn(targetId, a)).toBe(false);
    expect(await stillSignedIn(targetId, b)).toBe(false);
    const c = await openSession('cfo@sme.cn', 'third-link-pass-1');
    expect(c).toBe(a + 1);
    expect(await stillSignedIn(targetId, c)).toBe(true);

    const [row] = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, targetId), eq(auditEvents.action, 'user.sign_out_everywhere')));
    expect(row).toMatchObject({
      actorUserId: admin.userId,
      entity: 'user',
      requestId: 'req-so',
      before: { sessionVersion: a },
      after: { sessionVersion: a + 1 },
    });
  });

  it('is for admins only; an unknown user is not found; an admin may sign themself out everywhere', async () => {
    const before = await versionOf(targetId);
    await expect(signOutEverywhere(h.db, officer, targetId)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(signOutEverywhere(h.db, admin, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'not_found' });
    await expect(signOutEverywhere(h.db, admin, 'not-a-uuid')).rejects.toMatchObject({ code: 'not_found' });
    expect(await versionOf(targetId)).toBe(before);
    const self = await versionOf(admin.userId);
    await signOutEverywhere(h.db, admin, admin.userId);
    expect(await versionOf(admin.userId)).toBe(self + 1);
  });

  it('disabling ends open sessions, and they stay ended when the user is enabled again', async () => {
    const s = await openSession('cfo@sme.cn', 'third-link-pass-1');
    await disableUser(h.db, admin, targetId);
    expect(await stillSignedIn(targetId, s)).toBe(false);
    await enableUser(h.db, admin, targetId);
    expect(await versionOf(targetId)).toBe(s + 1);
    expect(await stillSignedIn(targetId, s)).toBe(false);
  });

  it('setting a password through a link ends the sessions opened with the old one', async () => {
    const s = await openSession('cfo@sme.cn', 'third-link-pass-1');
    const { token } = await issuePasswordReset(h.db, admin, targetId);
    // Issuing the link alone is not a lock-out: the session lives until the link is used.
    expect(await stillSignedIn(targetId, s)).toBe(true);
    await setPasswordWithToken(h.db, token, 'fourth-link-pass-1');
    expect(await stillSignedIn(targetId, s)).toBe(false);
    expect(await stillSignedIn(targetId, await openSession('cfo@sme.cn', 'fourth-link-pass-1'))).toBe(true);
  });
});

describe('suspending an institution', () => {
  const catalogueNames = async () => (await searchCatalogue(h.db, catalogueQuerySchema.parse({}), null)).items.map((p) => p.name);

  it('takes its products out of the catalogue, and reactivating brings them back', async () => {
    expect(await catalogueNames()).toContain('监管测试信用贷');
    expect((await decideInstitution(h.db, admin, bankId, 'suspend', 'req-3')).status).toBe('suspended');
    expect(await catalogueNames()).not.toContain('监管测试信用贷');
    await expect(decideInstitution(h.db, admin, bankId, 'suspend')).rejects.toMatchObject({ code: 'conflict' });
    await expect(decideInstitution(h.db, officer, bankId, 'reactivate')).rejects.toMatchObject({ code: 'forbidden' });
    expect((await decideInstitution(h.db, admin, bankId, 'reactivate')).status).toBe('active');
    expect(await catalogueNames()).toContain('监管测试信用贷');
    expect(await auditOf(bankId)).toEqual(['institution.suspend', 'institution.reactivate']);
  });

  it('lists institutions by status and name, newest first', async () => {
    const r = await searchInstitutions(h.db, { status: 'active', q: '监管', limit: 20, offset: 0 });
    expect(r).toMatchObject({ total: 1, items: [{ id: bankId }] });
    expect((await searchInstitutions(h.db, { status: 'suspended', limit: 20, offset: 0 })).total).toBe(0);
    // % and _ are taken literally.
    expect((await searchInstitutions(h.db, { q: '%', limit: 20, offset: 0 })).total).toBe(0);
  });
});

describe('user search', () => {
  it('finds users by e-mail or name, role, status and organisation, a page at a time', async () => {
    const ids = async (f: Parameters<typeof searchUsers>[1]) => (await searchUsers(h.db, f)).items.map((u) => u.email);
    expect(await ids({ q: 'CFO@', limit: 20, offset: 0 })).toEqual(['cfo@sme.cn']);
    expect(await ids({ q: '管理员', limit: 20, offset: 0 })).toEqual(expect.arrayContaining(['admin1@x.cn', 'admin2@x.cn']));
    expect(await ids({ role: 'institution', limit: 20, offset: 0 })).toEqual(['officer@bank.cn']);
    expect(await ids({ organisationId: enterpriseId, limit: 20, offset: 0 })).toEqual(['cfo@sme.cn']);
    expect(await ids({ organisationName: '监管测试银行', limit: 20, offset: 0 })).toEqual(['officer@bank.cn']);
    expect(await ids({ status: 'disabled', limit: 20, offset: 0 })).toEqual([]);
    const page = await searchUsers(h.db, { limit: 2, offset: 2 });
    expect(page.total).toBe(4);
    expect(page.items).toHaveLength(2);
    const [row] = (await searchUsers(h.db, { q: 'officer', limit: 1, offset: 0 })).items;
    expect(row.organisationName).toBe('监管测试银行');
    expect(Object.keys(row)).not.toContain('passwordHash');
  });
});

describe('the audit log', () => {
  // Asia/Shanghai is UTC+8: 2026-03-01 in the zone runs from 2026-02-28T16:00Z to 2026-03-01T16:00Z.
  const at = (iso: string) => new Date(iso);
  beforeAll(async () => {
    const bankActor = officer;
    const rows = [
      { entityId: 'edge-1', at: at('2026-02-28T15:59:59.999Z'), actor: bankActor }, // 2026-02-28 23:59:59.999 in the zone
      { entityId: 'edge-2', at: at('2026-02-28T16:00:00.000Z'), actor: bankActor }, // 2026-03-01 00:00 in the zone
      { entityId: 'edge-3', at: at('2026-03-01T15:59:59.999Z'), actor: bankActor }, // 2026-03-01 23:59:59.999
      { entityId: 'edge-4', at: at('2026-03-01T16:00:00.000Z'), actor: bankActor }, // 2026-03-02 00:00
      { entityId: 'edge-5', at: at('2026-03-01T08:00:00.000Z'), actor: null }, // the platform, no organisation
    ];
    for (const r of rows) await writeAudit(h.db, { actor: r.actor, action: 'product.update', entity: 'product', entityId: r.entityId });
    // writeAudit stamps now(); the test rows get their instants directly (INSERT is allowed, UPDATE is not).
    for (const r of rows) {
      const [ev] = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, r.entityId));
      await h.db.insert(auditEvents).values({ ...ev, id: undefined, at: r.at, entityId: `${r.entityId}-at` });
    }
  });
  const log = (q: AuditQueryInput) => auditLog(h.db, admin, auditQuerySchema.parse(q));
  const entityIds = async (q: AuditQueryInput) =>
    (await log(q)).items
      .map((i) => i.entityId)
      .filter((id) => id.endsWith('-at'))
      .sort();

  it('bounds a period by whole days in Asia/Shanghai, both days included', async () => {
    expect(await entityIds({ from: '2026-03-01', to: '2026-03-01' })).toEqual(['edge-2-at', 'edge-3-at', 'edge-5-at']);
    expect(await entityIds({ to: '2026-02-28' })).toEqual(['edge-1-at']);
    expect(await entityIds({ from: '2026-03-02', to: '2026-03-02' })).toEqual(['edge-4-at']);
    expect(await entityIds({ from: '2026-02-28', to: '2026-03-02' })).toEqual(['edge-1-at', 'edge-2-at', 'edge-3-at', 'edge-4-at', 'edge-5-at']);
    expect(auditQuerySchema.safeParse({ from: '2026-03-02', to: '2026-03-01' }).success).toBe(false);
    expect(auditQuerySchema.safeParse({ from: '2026-02-30' }).success).toBe(false);
  });

  it('filters by organisation: its users’ events and the events about it', async () => {
    // Directly on the query: the bank officer's events, and the admin's suspend/reactivate of the bank.
    const bankEvents = await listAuditEvents(h.db, { organisationId: bankId, limit: 200 });
    expect(bankEvents.length).toBeGreaterThan(0);
    expect(bankEvents.every((e) => e.organisationId === bankId || (e.entity === 'institution' && e.entityId === bankId))).toBe(true);
    expect(bankEvents.map((e) => e.action)).toEqual(expect.arrayContaining(['product.update', 'institution.suspend', 'institution.reactivate']));
    expect(bankEvents.some((e) => e.entityId === 'edge-5-at')).toBe(false);
    expect(await countAuditEvents(h.db, { organisationId: bankId })).toBe(bankEvents.length);
    expect(await listAuditEvents(h.db, { organisationId: [] })).toEqual([]);
    expect(await countAuditEvents(h.db, { organisationId: enterpriseId })).toBe(0);

    // Through the viewer, by id and by part of the name, with the period.
    const byName = await log({ org: '测试银行', from: '2026-03-01', to: '2026-03-01' });
    expect(byName.organisations).toEqual([{ id: bankId, name: '监管测试银行', kind: 'institution' }]);
    expect(byName.items.map((i) => i.entityId).sort()).toEqual(['edge-2-at', 'edge-3-at']);
    expect(byName.items[0]).toMatchObject({ organisationName: '监管测试银行', actorEmail: 'officer@bank.cn' });
    expect((await log({ org: bankId, from: '2026-03-01', to: '2026-03-01' })).total).toBe(2);
    expect(await log({ org: '没有这个机构' })).toMatchObject({ items: [], total: 0, organisations: [] });
  });

  it('filters by actor e-mail or id, entity and entity id, and pages with a total', async () => {
    const byEmail = await log({ actor: 'ADMIN1@x.cn', entity: 'user' });
    expect(byEmail.items.length).toBeGreaterThan(0);
    expect(byEmail.items.every((i) => i.actorUserId === admin.userId && i.entity === 'user')).toBe(true);
    expect((await log({ actor: admin.userId, entity: 'user' })).total).toBe(byEmail.total);
    expect(await log({ actor: 'nobody@x.cn' })).toMatchObject({ items: [], total: 0, actorFound: false });
    expect((await log({ entity: 'institution', entityId: bankId })).items.map((i) => i.action)).toEqual(['institution.reactivate', 'institution.suspend']);

    const all = await log({});
    expect(all.total).toBe(await countAuditEvents(h.db, {}));
    expect(all.items).toHaveLength(Math.min(all.total, all.pageSize));
    const last = await log({ page: String(Math.ceil(all.total / all.pageSize)) });
    expect(last.items.length).toBe(all.total - (last.page - 1) * all.pageSize);
    expect(auditQuerySchema.parse({ page: 'x' }).page).toBe(1);
  });

  it('counts a total past AUDIT_COUNT_CAP as "more than" the cap, and a narrower filter exactly', async () => {
    const entityId = crypto.randomUUID();
    const base = new Date('2026-01-01T00:00:00Z');
    // One event a second before `base`, AUDIT_COUNT_CAP + 5 of them.
    await h.db.execute(sql`insert into audit_events (action, entity, entity_id, at)
      select 'bulk.probe', 'probe', ${entityId}, ${base.toISOString()}::timestamptz - make_interval(secs => g)
        from generate_series(1, ${AUDIT_COUNT_CAP + 5}) g`);
    const many = await log({ entity: 'probe', entityId });
    expect(many).toMatchObject({ total: AUDIT_COUNT_CAP, capped: true });
    expect(many.items).toHaveLength(many.pageSize);
    expect(await countAuditEvents(h.db, { entity: 'probe', entityId })).toBe(AUDIT_COUNT_CAP + 5);
    // Ten of them in the ten seconds before `base`.
    const window = { fromAt: new Date(base.getTime() - 10_500), toAt: new Date(base.getTime() - 500) };
    const few = await auditLog(h.db, admin, { ...auditQuerySchema.parse({ entity: 'probe', entityId }), ...window });
    expect(few).toMatchObject({ total: 10, capped: false });
    expect(few.items).toHaveLength(10);
  });
});

describe('reading an event’s before and after', () => {
  it('lists only changed fields of an update, every field of a creation or deletion, and hides secrets', () => {
    expect(auditChanges({ status: 'active', name: 'a', updatedAt: '1' }, { status: 'disabled', name: 'a', updatedAt: '2' })).toEqual([
      { field: 'status', before: 'active', after: 'disabled', redacted: false },
    ]);
    expect(auditChanges(null, { amount: '5', tags: ['x'] })).toEqual([
      { field: 'amount', before: undefined, after: '5', redacted: false },
      { field: 'tags', before: undefined, after: ['x'], redacted: false },
    ]);
    expect(auditChanges({ id: 'p' }, null)).toEqual([{ field: 'id', before: 'p', after: undefined, redacted: false }]);
    expect(auditChanges({ passwordHash: 'h1' }, { passwordHash: 'h2' })).toEqual([
      { field: 'passwordHash', before: undefined, after: undefined, redacted: true },
    ]);
    expect(auditChanges(null, null)).toEqual([]);
    expect(auditChanges({ a: 1 }, { a: 1 })).toEqual([]);
    expect(auditChanges(null, ['x'])).toEqual([{ field: '', before: undefined, after: ['x'], redacted: false }]);
  });
});
