// Rejecting an institution's application to join (issue 14): through the institution machine with a
// reason, an audit row and a notification; its users read the reason; the zone may still approve it.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { sessionAccount } from '../../db/queries/users';
import { auditEvents, institutions, notifications, users } from '../../db/schema';
import { institutionActor } from '../test-fixtures';
import { openTestDb } from '../../db/testing';
import { signedInAccount } from '../auth/account';
import type { Actor } from '../auth/actor';
import { renderNotification } from '../notifications/render';
import { decideInstitution } from './service';

let h: DbHandle;
let admin: Actor;

beforeAll(async () => {
  h = await openTestDb();
  const [a] = await h.db.insert(users).values({ name: '管理员', email: 'reject-admin@x.cn', passwordHash: 'x', role: 'admin' }).returning();
  admin = { userId: a.id, role: 'admin', name: a.name, email: a.email, enterpriseId: null, institutionId: null, memberRole: null };
});
afterAll(async () => h?.close());

describe('rejecting a pending institution', () => {
  it('needs a reason, records it with an audit row and a notification, and shows it to the institution’s users', async () => {
    const officer = await institutionActor(h.db, { name: '申请入驻银行', status: 'pending' });
    const id = officer.institutionId!;
    await expect(decideInstitution(h.db, admin, id, 'reject', 'req-r0', ' ')).rejects.toMatchObject({ code: 'invalid', messageKey: 'admin.reason_required' });
    expect((await h.db.select().from(institutions).where(eq(institutions.id, id)))[0].status).toBe('pending');

    const after = await decideInstitution(h.db, admin, id, 'reject', 'req-r1', '  营业执照副本缺失  ');
    expect(after).toMatchObject({ status: 'rejected', rejectionReason: '营业执照副本缺失' });

    const [audit] = await h.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'institution.reject')));
    expect(audit).toMatchObject({ requestId: 'req-r1', actorUserId: admin.userId });
    expect((audit.after as { rejectionReason: string }).rejectionReason).toBe('营业执照副本缺失');

    const notes = await h.db.select().from(notifications).where(eq(notifications.institutionId, id));
    expect(notes.map((n) => [n.kind, n.link])).toEqual([['institution.reject', '/account/status']]);
    expect(renderNotification(notes[0], 'zh').title).toBe('贵机构的入驻申请未通过审核：营业执照副本缺失');
    expect(renderNotification(notes[0], 'en').title).toBe('Your institution’s application to join was not approved: 营业执照副本缺失');

    const account = signedInAccount(await sessionAccount(h.db, officer.userId), 0);
    expect(account).toMatchObject({ active: false, organisation: { kind: 'institution', status: 'rejected', note: '营业执照副本缺失' } });
  });

  it('rejects only pending institutions, only as an admin; the zone may approve a rejected one, which clears the reason', async () => {
    const active = await institutionActor(h.db, { name: '已入驻银行' });
    await expect(decideInstitution(h.db, admin, active.institutionId!, 'reject', null, '理由')).rejects.toMatchObject({ code: 'conflict' });
    const pending = await institutionActor(h.db, { name: '再申请银行', status: 'pending' });
    await expect(decideInstitution(h.db, pending, pending.institutionId!, 'reject', null, '理由')).rejects.toMatchObject({ code: 'forbidden' });
    await decideInstitution(h.db, admin, pending.institutionId!, 'reject', null, '材料不全');
    const approved = await decideInstitution(h.db, admin, pending.institutionId!, 'approve');
    expect(approved).toMatchObject({ status: 'active', rejectionReason: null });
    expect(signedInAccount(await sessionAccount(h.db, pending.userId), 0)).toMatchObject({ active: true });
  });
});
