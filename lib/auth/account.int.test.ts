// The actor load (lib/auth/session.ts): one query for the user and its organisation's standing,
// and the gates built on it, against the real schema on PGlite and PostgreSQL.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { unreadCount } from '../../db/queries/notifications';
import { sessionAccount, UNREAD_COUNTED } from '../../db/queries/users';
import { enterpriseActor, institutionActor } from '../test-fixtures';
import { notifications, parks, users } from '../../db/schema';
import { openTestDb } from '../../db/testing';
import { decideInstitution } from '../institutions/service';
import { decideEnterprise } from '../enterprises/verification';
import { actorForAction, actorForPage, signedInAccount } from './account';
import type { Actor } from './actor';

let h: DbHandle;
let admin: Actor;
let parkId: number;

const load = async (a: Actor) => signedInAccount(await sessionAccount(h.db, a.userId), 0);
const actionCode = async (a: Actor, roles: Actor['role'][]) => {
  try {
    actorForAction(await load(a), roles);
    return 'ok';
  } catch (e) {
    return (e as { messageKey: string }).messageKey;
  }
};

beforeAll(async () => {
  h = await openTestDb();
  const [p] = await h.db.insert(parks).values({ code: 'chancheng', name: '禅城园', nameEn: 'Chancheng', districtCode: '440604' }).returning();
  parkId = p.id;
  const [a] = await h.db.insert(users).values({ name: '管理员', email: 'standing-admin@x.cn', passwordHash: 'x', role: 'admin' }).returning();
  admin = { userId: a.id, role: 'admin', name: a.name, email: a.email, enterpriseId: null, institutionId: null, memberRole: null };
});
afterAll(async () => h?.close());

describe('the actor load', () => {
  it('reads the institution’s name and status with the user', async () => {
    const officer = await institutionActor(h.db, { name: '待审核银行', status: 'pending' });
    expect(await load(officer)).toEqual({
      actor: officer,
      organisation: { kind: 'institution', id: officer.institutionId, name: '待审核银行', status: 'pending', note: null },
      active: false,
    });
    expect(actorForPage(await load(officer), ['institution'], '/institution')).toEqual({ redirect: '/account/status' });
    expect(await actionCode(officer, ['institution'])).toBe('organisation_inactive');
  });

  it('follows the institution through approval and suspension at the next load', async () => {
    const officer = await institutionActor(h.db, { name: '审核中银行', status: 'pending' });
    await decideInstitution(h.db, admin, officer.institutionId!, 'approve');
    expect(await load(officer)).toMatchObject({ active: true, organisation: { status: 'active' } });
    expect(await actionCode(officer, ['institution'])).toBe('ok');
    await decideInstitution(h.db, admin, officer.institutionId!, 'suspend');
    expect(await load(officer)).toMatchObject({ active: false, organisation: { status: 'suspended' } });
    expect(await actionCode(officer, ['institution'])).toBe('organisation_inactive');
    await decideInstitution(h.db, admin, officer.institutionId!, 'reactivate');
    expect(await actionCode(officer, ['institution'])).toBe('ok');
  });

  it('lets an unverified enterprise act, not a rejected one, and carries the verification note', async () => {
    const owner = await enterpriseActor(h.db, { name: '待核验科技', parkId });
    expect(await load(owner)).toMatchObject({ active: true, organisation: { kind: 'enterprise', status: 'unverified', note: null } });
    await decideEnterprise(h.db, admin, owner.enterpriseId!, 'reject', '营业执照名称与登记不符');
    expect(await load(owner)).toMatchObject({ active: false, organisation: { name: '待核验科技', status: 'rejected', note: '营业执照名称与登记不符' } });
    expect(await actionCode(owner, ['enterprise'])).toBe('organisation_inactive');
    await decideEnterprise(h.db, admin, owner.enterpriseId!, 'reopen');
    expect(await actionCode(owner, ['enterprise'])).toBe('ok');
  });

  it('gives admins no organisation, and nobody for a disabled or unknown user', async () => {
    expect(await load(admin)).toMatchObject({ active: true, organisation: null });
    const officer = await institutionActor(h.db, { name: '停用用户银行' });
    await h.db.update(users).set({ status: 'disabled' }).where(eq(users.id, officer.userId));
    expect(await load(officer)).toBeNull();
    expect(await sessionAccount(h.db, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('counts the unread notifications addressed to the user, its organisation or all admins, as the inbox does', async () => {
    const officer = await institutionActor(h.db, { name: '未读计数银行' });
    const owner = await enterpriseActor(h.db, { name: '未读计数科技', parkId });
    const unread = async (a: Actor) => (await sessionAccount(h.db, a.userId))!.unread;
    const before = { officer: await unread(officer), owner: await unread(owner), admin: await unread(admin) };
    expect(before).toEqual({ officer: await unreadCount(h.db, officer), owner: await unreadCount(h.db, owner), admin: await unreadCount(h.db, admin) });
    await h.db.insert(notifications).values([
      { kind: 'x', title: 'to the officer', userId: officer.userId },
      { kind: 'x', title: 'to the bank', institutionId: officer.institutionId },
      { kind: 'x', title: 'to the bank, read', institutionId: officer.institutionId, readAt: new Date() },
      { kind: 'x', title: 'to the enterprise', enterpriseId: owner.enterpriseId },
      { kind: 'x', title: 'to the admins', toAdmins: true },
      { kind: 'x', title: 'to the admins, read', toAdmins: true, readAt: new Date() },
    ]);
    expect({ officer: await unread(officer), owner: await unread(owner), admin: await unread(admin) }).toEqual({
      officer: before.officer + 2,
      owner: before.owner + 1,
      admin: before.admin + 1,
    });
    for (const a of [officer, owner, admin]) expect(await unread(a)).toBe(await unreadCount(h.db, a));
  });

  it('counts unread notifications up to UNREAD_COUNTED (the header shows 99+), the inbox counts them all', async () => {
    const owner = await enterpriseActor(h.db, { name: '未读很多科技', parkId });
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ kind: 'x', title: `#${i}`, enterpriseId: owner.enterpriseId }));
    await h.db.insert(notifications).values(many(UNREAD_COUNTED - 1));
    expect((await sessionAccount(h.db, owner.userId))!.unread).toBe(UNREAD_COUNTED - 1);
    await h.db.insert(notifications).values(many(30));
    expect((await sessionAccount(h.db, owner.userId))!.unread).toBe(UNREAD_COUNTED);
    expect(await unreadCount(h.db, owner)).toBe(UNREAD_COUNTED + 29);
  });
});
