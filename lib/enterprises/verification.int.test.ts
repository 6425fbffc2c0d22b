import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { certificationVerificationQueue, enterpriseVerificationQueue } from '../../db/queries/verification';
import { auditEvents, certifications, enterprises, notifications, parks } from '../../db/schema';
import { openTestDb } from '../../db/testing';
import type { Actor } from '../auth/actor';
import { AppError } from '../core/errors';
import { withUsccCheckChar } from './uscc';
import { renderNotification } from '../notifications/render';
import { usccLookupSchema, verificationDecisionSchema } from '../validation/verification';
import { enterprisesByCode } from '../admin/views';
import { decideCertification, decideEnterprise } from './verification';
import { registerEnterprise } from './registration';
import { enterpriseRegistrationForm, refusalOf } from './registration-testing';

const admin: Actor = {
  userId: '00000000-0000-4000-8000-0000000000a1',
  role: 'admin',
  name: '管理员',
  email: 'a@x',
  enterpriseId: null,
  institutionId: null,
  memberRole: null,
};

let seq = 0;

/** An unverified enterprise with a valid code (or, overridden, one that fails the check as printed). */
async function makeEnterprise(h: DbHandle, parkId: number, over: { overridden?: boolean; createdAt?: Date; name?: string } = {}) {
  seq++;
  const good = withUsccCheckChar(`91440605MA5${String(seq).padStart(6, '0')}`);
  const uscc = over.overridden ? good.slice(0, 17) + (good[17] === '1' ? '2' : '1') : good;
  const [e] = await h.db
    .insert(enterprises)
    .values({
      uscc,
      usccCheckOverridden: over.overridden ?? false,
      name: over.name ?? `佛山市南海区核验测试${seq}有限公司`,
      parkId,
      industry: 'C',
      foundedOn: '2018-03-01',
      registeredCapitalFen: 500_000_000n,
      employees: 40,
      revenueFen: 0n,
      rndExpenseFen: 0n,
      ...(over.createdAt ? { createdAt: over.createdAt } : {}),
    })
    .returning();
  return e;
}

async function makeCertification(h: DbHandle, enterpriseId: string, over: { createdAt?: Date } = {}) {
  seq++;
  const [c] = await h.db
    .insert(certifications)
    .values({ enterpriseId, kind: 'high_tech', number: `GR2025440${String(seq).padStart(5, '0')}`, validFrom: '2025-12-11', validTo: '2028-12-10', ...over })
    .returning();
  return c;
}

const auditOf = (h: DbHandle, id: string) => h.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
const noticesOf = (h: DbHandle, enterpriseId: string) => h.db.select().from(notifications).where(eq(notifications.enterpriseId, enterpriseId));

async function errorOf(p: Promise<unknown>) {
  try {
    await p;
    return null;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, key: e.messageKey, field: e.details?.field };
    throw e;
  }
}

describe('verification decisions', () => {
  let h: DbHandle;
  let parkId: number;

  beforeAll(async () => {
    h = await openTestDb();
    const [p] = await h.db.insert(parks).values({ code: 'nanhai', name: '南海园', nameEn: 'Nanhai Park', districtCode: '440605' }).returning();
    parkId = p.id;
  });
  afterAll(async () => h?.close());

  it('verifies an enterprise: who and when, one audit row with before/after, and the enterprise is told', async () => {
    const e = await makeEnterprise(h, parkId, { overridden: true });
    const t0 = Date.now();
    const after = await decideEnterprise(h.db, admin, e.id, 'verify', '  已对照营业执照核对  ', 'req-verify-1');
    expect(after).toMatchObject({ verificationStatus: 'verified', verificationNote: '已对照营业执照核对', verifiedBy: admin.userId });
    expect(after.verifiedAt!.getTime()).toBeGreaterThanOrEqual(t0 - 1000);
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(t0 - 1000);

    const audit = await auditOf(h, e.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'enterprise.verify',
      entity: 'enterprise',
      actorUserId: admin.userId,
      actorRole: 'admin',
      requestId: 'req-verify-1',
    });
    expect(audit[0].before).toMatchObject({ verificationStatus: 'unverified', verificationNote: null, verifiedBy: null });
    expect(audit[0].after).toMatchObject({ verificationStatus: 'verified', verificationNote: '已对照营业执照核对', verifiedBy: admin.userId });

    const notes = await noticesOf(h, e.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'enterprise.verify', entity: 'enterprise', entityId: e.id, link: '/enterprise', toAdmins: false });
    expect(renderNotification(notes[0], 'zh').title).toMatch(/通过/);
    expect(renderNotification(notes[0], 'zh').body).toContain('已对照营业执照核对');
    expect(renderNotification(notes[0], 'en')).toMatchObject({
      title: 'Enterprise verified by the zone administrator',
      body: expect.stringContaining('Note: 已对照营业执照核对'),
    });
  });

  it('rejects an enterprise with its reason: the note, the audit row and a Chinese notice naming the reason', async () => {
    const e = await makeEnterprise(h, parkId);
    const reason = '营业执照上的企业名称与填报名称不一致';
    const after = await decideEnterprise(h.db, admin, e.id, 'reject', reason);
    expect(after).toMatchObject({ verificationStatus: 'rejected', verificationNote: reason, verifiedBy: admin.userId });
    expect(after.verifiedAt).toBeInstanceOf(Date);

    const audit = await auditOf(h, e.id);
    expect(audit.map((a) => a.action)).toEqual(['enterprise.reject']);
    expect(audit[0].before).toMatchObject({ verificationStatus: 'unverified' });
    expect(audit[0].after).toMatchObject({ verificationStatus: 'rejected', verificationNote: reason });

    const [note] = await noticesOf(h, e.id);
    expect(note.kind).toBe('enterprise.reject');
    expect(renderNotification(note, 'zh').title).toBe(`企业认证未通过核验：${reason}`);
    expect(renderNotification(note, 'en').title).toBe(`Enterprise verification refused: ${reason}`);
  });

  it('refuses a rejection without a reason and changes nothing', async () => {
    const e = await makeEnterprise(h, parkId);
    const c = await makeCertification(h, e.id);
    for (const reason of [undefined, '', '   ']) {
      expect(await errorOf(decideEnterprise(h.db, admin, e.id, 'reject', reason))).toEqual({ code: 'invalid', key: 'verify.reason_required', field: 'reason' });
      expect(await errorOf(decideCertification(h.db, admin, c.id, 'reject', reason))).toEqual({
        code: 'invalid',
        key: 'verify.reason_required',
        field: 'reason',
      });
    }
    const [eNow] = await h.db.select().from(enterprises).where(eq(enterprises.id, e.id));
    const [cNow] = await h.db.select().from(certifications).where(eq(certifications.id, c.id));
    expect(eNow).toEqual(e);
    expect(cNow).toEqual(c);
    expect(await auditOf(h, e.id)).toEqual([]);
    expect(await auditOf(h, c.id)).toEqual([]);
    expect(await noticesOf(h, e.id)).toEqual([]);
  });

  it('the form schema says the same: a reason is required to reject, optional to verify, at most 500 characters', () => {
    const id = crypto.randomUUID();
    const r = verificationDecisionSchema.safeParse({ id, action: 'reject', reason: ' ' });
    expect(r.success).toBe(false);
    expect(r.error!.issues).toEqual([expect.objectContaining({ path: ['reason'], message: 'verify.reason_required' })]);
    expect(verificationDecisionSchema.parse({ id, action: 'verify' })).toEqual({ id, action: 'verify', reason: '', releaseUscc: false });
    expect(verificationDecisionSchema.safeParse({ id, action: 'reject', reason: 'x'.repeat(501) }).error!.issues[0].message).toBe('too_long');
    expect(verificationDecisionSchema.safeParse({ id: 'nope', action: 'verify' }).success).toBe(false);
    expect(verificationDecisionSchema.safeParse({ id, action: 'delete' }).success).toBe(false);
  });

  it('an illegal transition is a conflict and writes nothing more', async () => {
    const e = await makeEnterprise(h, parkId);
    await decideEnterprise(h.db, admin, e.id, 'verify');
    expect(await errorOf(decideEnterprise(h.db, admin, e.id, 'verify'))).toMatchObject({ code: 'conflict', key: 'transition' });
    expect(await errorOf(decideEnterprise(h.db, admin, e.id, 'reject', '重复提交'))).toMatchObject({ code: 'conflict' });
    const c = await makeCertification(h, e.id);
    await decideCertification(h.db, admin, c.id, 'reject', '证书编号无法查验');
    expect(await errorOf(decideCertification(h.db, admin, c.id, 'verify'))).toMatchObject({ code: 'conflict' });
    expect((await auditOf(h, e.id)).map((a) => a.action)).toEqual(['enterprise.verify']);
    expect((await auditOf(h, c.id)).map((a) => a.action)).toEqual(['certification.reject']);
    expect(await noticesOf(h, e.id)).toHaveLength(2);
  });

  it('is forbidden to anyone but an admin, and changes nothing', async () => {
    const e = await makeEnterprise(h, parkId);
    const c = await makeCertification(h, e.id);
    const own: Actor = {
      userId: crypto.randomUUID(),
      role: 'enterprise',
      name: 'x',
      email: 'x@x',
      enterpriseId: e.id,
      institutionId: null,
      memberRole: 'owner',
    };
    const bank: Actor = {
      userId: crypto.randomUUID(),
      role: 'institution',
      name: 'y',
      email: 'y@y',
      enterpriseId: null,
      institutionId: crypto.randomUUID(),
      memberRole: 'officer',
    };
    for (const actor of [own, bank]) {
      expect(await errorOf(decideEnterprise(h.db, actor, e.id, 'verify'))).toMatchObject({ code: 'forbidden' });
      expect(await errorOf(decideEnterprise(h.db, actor, e.id, 'reject'))).toMatchObject({ code: 'forbidden' });
      expect(await errorOf(decideCertification(h.db, actor, c.id, 'verify'))).toMatchObject({ code: 'forbidden' });
    }
    const [eNow] = await h.db.select().from(enterprises).where(eq(enterprises.id, e.id));
    expect(eNow.verificationStatus).toBe('unverified');
    expect(await auditOf(h, e.id)).toEqual([]);
    expect(await auditOf(h, c.id)).toEqual([]);
  });

  it('an unknown id is not found', async () => {
    expect(await errorOf(decideEnterprise(h.db, admin, crypto.randomUUID(), 'verify'))).toMatchObject({ code: 'not_found' });
    expect(await errorOf(decideCertification(h.db, admin, crypto.randomUUID(), 'verify'))).toMatchObject({ code: 'not_found' });
  });

  it('reads the admins’ notice about what was decided, and leaves the others unread', async () => {
    const e = await makeEnterprise(h, parkId);
    const other = await makeEnterprise(h, parkId);
    const c = await makeCertification(h, other.id);
    const notice = (entity: string, entityId: string) => ({ toAdmins: true, kind: `${entity}.registered`, params: {}, entity, entityId });
    await h.db.insert(notifications).values([notice('enterprise', e.id), notice('enterprise', other.id), notice('certification', c.id)]);
    const unread = async () =>
      (
        await h.db
          .select()
          .from(notifications)
          .where(and(eq(notifications.toAdmins, true), isNull(notifications.readAt)))
      )
        .map((n) => n.entityId)
        .filter((id) => [e.id, other.id, c.id].includes(id!))
        .sort();
    await decideEnterprise(h.db, admin, e.id, 'verify');
    expect(await unread()).toEqual([other.id, c.id].sort());
    await decideCertification(h.db, admin, c.id, 'reject', '证书已过有效期');
    expect(await unread()).toEqual([other.id]);
  });

  it('verifies and rejects certifications; the enterprise is told which certificate and why', async () => {
    const e = await makeEnterprise(h, parkId);
    const good = await makeCertification(h, e.id);
    const bad = await makeCertification(h, e.id);
    const verified = await decideCertification(h.db, admin, good.id, 'verify');
    expect(verified).toMatchObject({ verificationStatus: 'verified', verificationNote: null, verifiedBy: admin.userId });
    const reason = '证书已过有效期';
    const rejected = await decideCertification(h.db, admin, bad.id, 'reject', reason);
    expect(rejected).toMatchObject({ verificationStatus: 'rejected', verificationNote: reason, verifiedBy: admin.userId });

    for (const [c, action, from, to] of [
      [good, 'certification.verify', 'unverified', 'verified'],
      [bad, 'certification.reject', 'unverified', 'rejected'],
    ] as const) {
      const audit = await auditOf(h, c.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action, entity: 'certification' });
      expect(audit[0].before).toMatchObject({ verificationStatus: from });
      expect(audit[0].after).toMatchObject({ verificationStatus: to });
    }

    const notes = await h.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.enterpriseId, e.id), eq(notifications.entity, 'certification')));
    const byKind = Object.fromEntries(notes.map((n) => [n.kind, n]));
    expect(renderNotification(byKind['certification.verify'], 'zh').title).toContain(`高新技术企业（${good.number}）`);
    expect(renderNotification(byKind['certification.reject'], 'zh').title).toContain(`高新技术企业（${bad.number}）`);
    expect(renderNotification(byKind['certification.reject'], 'zh').title).toContain(reason);
    expect(renderNotification(byKind['certification.reject'], 'en').title).toBe(
      `Certification refused: High-tech enterprise (${bad.number}), reason: ${reason}`,
    );
    expect(byKind['certification.reject'].entityId).toBe(bad.id);
  });

  it('lets two enterprises claim one certificate number, and verifies it for one of them only', async () => {
    const owner = await makeEnterprise(h, parkId);
    const squatter = await makeEnterprise(h, parkId);
    const number = 'GR202544099999';
    const claim = async (enterpriseId: string) =>
      (await h.db.insert(certifications).values({ enterpriseId, kind: 'high_tech', number, validFrom: '2025-12-11', validTo: '2028-12-10' }).returning())[0];
    const first = await claim(squatter.id);
    const real = await claim(owner.id); // the stranger's claim no longer blocks the company
    await decideCertification(h.db, admin, real.id, 'verify');
    expect(await errorOf(decideCertification(h.db, admin, first.id, 'verify'))).toEqual({
      code: 'conflict',
      key: 'verify.errors.cert_verified_elsewhere',
      field: undefined,
    });
    const [still] = await h.db.select().from(certifications).where(eq(certifications.id, first.id));
    expect(still.verificationStatus).toBe('unverified');
    expect((await decideCertification(h.db, admin, first.id, 'reject', '证书编号属于另一家企业')).verificationStatus).toBe('rejected');
  });

  it('reopens a rejection: undecided again, back in the queue, then verifiable', async () => {
    const e = await makeEnterprise(h, parkId);
    await decideEnterprise(h.db, admin, e.id, 'reject', '材料不全');
    const reopened = await decideEnterprise(h.db, admin, e.id, 'reopen');
    expect(reopened).toMatchObject({ verificationStatus: 'unverified', verificationNote: null, verifiedAt: null, verifiedBy: null });
    expect((await decideEnterprise(h.db, admin, e.id, 'verify')).verificationStatus).toBe('verified');
    expect((await auditOf(h, e.id)).map((a) => a.action).sort()).toEqual(['enterprise.reject', 'enterprise.reopen', 'enterprise.verify']);
  });

  it('releases a squatted credit code with the rejection: the company it names can then register; the squatter cannot be reopened', async () => {
    const squatter = await makeEnterprise(h, parkId);
    const code = squatter.uscc!;
    const register = () =>
      registerEnterprise(h.db, enterpriseRegistrationForm(parkId, { uscc: code, email: `owner-${seq}@example.com`, name: '佛山市南海区真正的企业有限公司' }), {
        ip: `198.51.100.${seq}`,
        hash: async () => 'x',
      });
    expect(await refusalOf(register())).toMatchObject({ code: 'conflict', key: 'uscc_taken', field: 'uscc' });

    // Releasing goes only with a rejection or revocation.
    expect(verificationDecisionSchema.safeParse({ id: squatter.id, action: 'verify', releaseUscc: true }).success).toBe(false);
    expect(await errorOf(decideEnterprise(h.db, admin, squatter.id, 'verify', null, null, true))).toMatchObject({ field: 'releaseUscc' });
    expect((await h.db.select().from(enterprises).where(eq(enterprises.id, squatter.id)))[0]).toMatchObject({ uscc: code, verificationStatus: 'unverified' });

    const after = await decideEnterprise(h.db, admin, squatter.id, 'reject', '营业执照与信用代码不符，代码属于另一家企业', null, true);
    expect(after).toMatchObject({ verificationStatus: 'rejected', uscc: null, usccReleased: code });
    const [audit] = (await auditOf(h, squatter.id)).filter((a) => (a.after as { verificationStatus?: string })?.verificationStatus === 'rejected');
    expect(audit).toMatchObject({ before: expect.objectContaining({ uscc: code }), after: expect.objectContaining({ uscc: null, usccReleased: code }) });

    const { enterpriseId } = await register();
    expect((await h.db.select().from(enterprises).where(eq(enterprises.id, enterpriseId)))[0]).toMatchObject({
      uscc: code,
      name: '佛山市南海区真正的企业有限公司',
    });
    expect(await errorOf(decideEnterprise(h.db, admin, squatter.id, 'reopen'))).toMatchObject({ code: 'conflict', key: 'verify.errors.uscc_released' });

    // The service centre's lookup finds both: the company holding the code, the squatter that held it.
    const found = await enterprisesByCode(h.db, admin, code);
    expect(found.map((e) => [e.id, e.uscc, e.usccReleased, e.verificationStatus])).toEqual([
      [enterpriseId, code, null, 'unverified'],
      [squatter.id, null, code, 'rejected'],
    ]);
    expect(await enterprisesByCode(h.db, admin, withUsccCheckChar('91440605MA5ZZZZZZ'))).toEqual([]);
    const officer: Actor = { ...admin, role: 'institution', institutionId: '00000000-0000-4000-8000-0000000000b1' };
    expect(await errorOf(enterprisesByCode(h.db, officer, code))).toMatchObject({ code: 'forbidden' });
    // What the admin types is read as the code: groups, dashes and lower case are fine, anything else is told.
    expect(usccLookupSchema.parse({ code: ` ${code.slice(0, 9).toLowerCase()}-${code.slice(9)} ` })).toEqual({ code });
    expect(usccLookupSchema.safeParse({ code: code.slice(0, 17) }).error?.issues[0].message).toBe('uscc_length');
    expect(usccLookupSchema.safeParse({ code: `${code.slice(0, 17)}I` }).error?.issues[0].message).toBe('uscc_charset');
  });

  it('releases a code with the revocation of a verified enterprise, and keeps it with a plain rejection', async () => {
    const verified = await makeEnterprise(h, parkId);
    await decideEnterprise(h.db, admin, verified.id, 'verify');
    const revoked = await decideEnterprise(h.db, admin, verified.id, 'revoke', '代码不属于该企业', null, true);
    expect(revoked).toMatchObject({ verificationStatus: 'rejected', uscc: null, usccReleased: verified.uscc });
    const rejected = await makeEnterprise(h, parkId);
    expect(await decideEnterprise(h.db, admin, rejected.id, 'reject', '材料不全')).toMatchObject({ uscc: rejected.uscc, usccReleased: null });
  });

  it('two admins deciding at once: exactly one wins, the other gets a conflict', async () => {
    const e = await makeEnterprise(h, parkId);
    const other: Actor = { ...admin, userId: '00000000-0000-4000-8000-0000000000a2' };
    const results = await Promise.allSettled([decideEnterprise(h.db, admin, e.id, 'verify'), decideEnterprise(h.db, other, e.id, 'reject', '信息不符')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ code: 'conflict' });
    expect(await auditOf(h, e.id)).toHaveLength(1);
    expect(await noticesOf(h, e.id)).toHaveLength(1);
  });
});

describe('verification queue', () => {
  let h: DbHandle;
  let parkId: number;
  const day = (d: string) => new Date(`${d}T10:00:00+08:00`);

  beforeAll(async () => {
    h = await openTestDb();
    const [p] = await h.db.insert(parks).values({ code: 'shunde', name: '顺德园', nameEn: 'Shunde Park', districtCode: '440606' }).returning();
    parkId = p.id;
  });
  afterAll(async () => h?.close());

  it('puts the enterprise whose code failed its check first, then the oldest; decided ones leave; pages are bounded', async () => {
    const old = await makeEnterprise(h, parkId, { name: '最早注册', createdAt: day('2026-11-01') });
    const mid = await makeEnterprise(h, parkId, { name: '其次注册', createdAt: day('2026-11-05') });
    const overridden = await makeEnterprise(h, parkId, { name: '代码未通过校验', overridden: true, createdAt: day('2026-11-18') });
    const done = await makeEnterprise(h, parkId, { name: '已处理', createdAt: day('2026-10-01') });
    await decideEnterprise(h.db, admin, done.id, 'verify');

    const q = await enterpriseVerificationQueue(h.db, { limit: 20, offset: 0 });
    expect(q.total).toBe(3);
    expect(q.items.map((i) => i.id)).toEqual([overridden.id, old.id, mid.id]);
    expect(q.items[0]).toMatchObject({
      name: '代码未通过校验',
      usccCheckOverridden: true,
      uscc: overridden.uscc,
      parkName: '顺德园',
      parkNameEn: 'Shunde Park',
      industry: 'C',
      foundedOn: '2018-03-01',
    });

    const page2 = await enterpriseVerificationQueue(h.db, { limit: 2, offset: 2 });
    expect(page2).toEqual({ items: [expect.objectContaining({ id: mid.id })], total: 3 });
    expect((await enterpriseVerificationQueue(h.db, { limit: 1_000_000, offset: 0 })).items).toHaveLength(3);
  });

  it('lists unverified certifications oldest first with the enterprise name', async () => {
    const e = await makeEnterprise(h, parkId, { name: '资质企业' });
    const later = await makeCertification(h, e.id, { createdAt: day('2026-11-10') });
    const earlier = await makeCertification(h, e.id, { createdAt: day('2026-11-02') });
    const decided = await makeCertification(h, e.id, { createdAt: day('2026-10-02') });
    await decideCertification(h.db, admin, decided.id, 'reject', '编号不符');

    const q = await certificationVerificationQueue(h.db, { limit: 20, offset: 0 });
    expect(q.total).toBe(2);
    expect(q.items.map((i) => i.id)).toEqual([earlier.id, later.id]);
    expect(q.items[0]).toMatchObject({
      enterpriseName: '资质企业',
      enterpriseId: e.id,
      kind: 'high_tech',
      number: earlier.number,
      validFrom: '2025-12-11',
      validTo: '2028-12-10',
      enterpriseVerificationStatus: 'unverified',
    });
  });
});
