import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from './auth/actor';
import { hashPassword } from './auth/password';
import { authenticate } from './auth/sign-in';
import { MAX_FAILURES_PER_ACCOUNT } from './auth/sign-in-limit';
import { AppError } from './core/errors';
import { decideInstitution } from './institutions/service';
import { withUsccCheckChar } from './enterprises/uscc';
import type { DbHandle } from '../db/client';
import { migrationState } from '../db/migrate';
import { writeAudit } from '../db/queries/audit';
import { auditEvents, institutions, loginAttempts, users } from '../db/schema';
import { openTestDb } from '../db/testing';

let h: DbHandle;
const admin: Actor = {
  userId: '00000000-0000-4000-8000-000000000001',
  role: 'admin',
  name: 'admin',
  email: 'a@x',
  enterpriseId: null,
  institutionId: null,
  memberRole: null,
};

beforeAll(async () => {
  h = await openTestDb({ poolMax: 25 });
});
afterAll(async () => h?.close());

async function newInstitution(suffix: string) {
  const [i] = await h.db
    .insert(institutions)
    .values({
      name: `测试银行${suffix}`,
      kind: 'bank',
      uscc: withUsccCheckChar(`91440600MA4U${suffix.padStart(5, '0')}`),
      contactName: 'x',
      contactPhone: '0757-1',
      contactEmail: 'x@x',
      status: 'pending',
    })
    .returning();
  return i;
}

describe('migrations', () => {
  it('are all applied and reported', async () => {
    const s = await migrationState(h.db);
    expect(s.upToDate).toBe(true);
    expect(s.applied).toBe(s.expected);
    expect(s.expected).toBeGreaterThanOrEqual(2);
  });
});

describe('audit trail', () => {
  it('is append-only in the database: UPDATE, DELETE and TRUNCATE are refused', async () => {
    await writeAudit(h.db, { actor: admin, action: 'test.write', entity: 'test', entityId: 'x1', before: { a: 1n }, after: { a: 2n } });
    const [row] = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, 'x1'));
    expect(row.after).toEqual({ a: '2' });
    await expect(h.db.update(auditEvents).set({ action: 'forged' }).where(eq(auditEvents.id, row.id))).rejects.toThrow();
    await expect(h.db.delete(auditEvents).where(eq(auditEvents.id, row.id))).rejects.toThrow();
    await expect(h.db.execute(sql`truncate audit_events`)).rejects.toThrow();
    const [again] = await h.db.select().from(auditEvents).where(eq(auditEvents.id, row.id));
    expect(again.action).toBe('test.write');
  });
});

describe('institution lifecycle', () => {
  it('approves a pending institution once, audits it, and refuses approving again', async () => {
    const i = await newInstitution('1');
    const after = await decideInstitution(h.db, admin, i.id, 'approve');
    expect(after.status).toBe('active');
    await expect(decideInstitution(h.db, admin, i.id, 'approve')).rejects.toMatchObject({ code: 'conflict' });
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, i.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'institution.approve', actorUserId: admin.userId });
    expect((audit[0].before as { status: string }).status).toBe('pending');
    expect((audit[0].after as { status: string }).status).toBe('active');
  });

  it('answers not_found for an unknown id and forbids non-admins', async () => {
    await expect(decideInstitution(h.db, admin, '00000000-0000-4000-8000-00000000dead', 'approve')).rejects.toMatchObject({ code: 'not_found' });
    const i = await newInstitution('2');
    await expect(decideInstitution(h.db, { ...admin, role: 'institution', institutionId: i.id }, i.id, 'approve')).rejects.toMatchObject({ code: 'forbidden' });
    const [still] = await h.db.select().from(institutions).where(eq(institutions.id, i.id));
    expect(still.status).toBe('pending');
  });

  it('lets exactly one of twenty simultaneous approvals win', async () => {
    const i = await newInstitution('3');
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => decideInstitution(h.db, admin, i.id, 'approve')));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost.every((r) => r.reason instanceof AppError && r.reason.code === 'conflict')).toBe(true);
    const audit = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, i.id));
    expect(audit).toHaveLength(1);
  });
});

describe('sign-in', () => {
  const email = 'limit@example.com';
  beforeAll(async () => {
    await h.db.insert(users).values({ name: 'x', email, passwordHash: await hashPassword('right-password-1'), role: 'admin' });
  });

  it('signs in with the right password and records the attempt', async () => {
    const r = await authenticate(h.db, { email: 'LIMIT@example.com', password: 'right-password-1', ip: '10.0.0.1' });
    expect(r.ok).toBe(true);
  });

  it('refuses the 11th attempt in 15 minutes even with the right password, and says when to retry', async () => {
    const t0 = new Date(Date.now() + 60 * 60 * 1000); // a fresh window, an hour ahead
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      const at = new Date(t0.getTime() + i * 1000);
      const r = await authenticate(h.db, { email, password: 'wrong', ip: `10.0.1.${i}` }, at);
      expect(r).toEqual({ ok: false, reason: 'invalid' });
      await h.db.update(loginAttempts).set({ at }).where(sql`${loginAttempts.id} = (select max(id) from login_attempts)`);
    }
    const refused = await authenticate(h.db, { email, password: 'right-password-1', ip: '10.0.2.1' }, new Date(t0.getTime() + 20_000));
    expect(refused).toEqual({ ok: false, reason: 'rate_limited', retryAt: new Date(t0.getTime() + 15 * 60 * 1000) });
    const later = await authenticate(h.db, { email, password: 'right-password-1', ip: '10.0.2.1' }, new Date(t0.getTime() + 15 * 60 * 1000 + 1000));
    expect(later.ok).toBe(true);
  });

  it('refuses a disabled user with the right password', async () => {
    await h.db
      .insert(users)
      .values({ name: 'y', email: 'off@example.com', passwordHash: await hashPassword('right-password-2'), role: 'admin', status: 'disabled' });
    expect(await authenticate(h.db, { email: 'off@example.com', password: 'right-password-2', ip: '10.0.3.1' })).toEqual({ ok: false, reason: 'disabled' });
  });

  it('does not reveal whether an unknown email exists', async () => {
    expect(await authenticate(h.db, { email: 'nobody@example.com', password: 'whatever-123', ip: '10.0.4.1' })).toEqual({ ok: false, reason: 'invalid' });
  });
});
