import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { certifications, enterprises, passwordResetTokens, users } from '../schema';

export async function lockEnterprise(db: Db, id: string) {
  const [e] = await db.select().from(enterprises).where(eq(enterprises.id, id)).for('update');
  return e ?? null;
}

export async function updateEnterpriseRow(db: Db, id: string, values: Partial<typeof enterprises.$inferInsert>) {
  const [e] = await db
    .update(enterprises)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(enterprises.id, id))
    .returning();
  return e;
}

export function listCertifications(db: Db, enterpriseId: string) {
  return db
    .select()
    .from(certifications)
    .where(eq(certifications.enterpriseId, enterpriseId))
    .orderBy(asc(certifications.kind), asc(certifications.validTo))
    .limit(100);
}

export async function insertCertification(db: Db, values: typeof certifications.$inferInsert) {
  const [c] = await db.insert(certifications).values(values).returning();
  return c;
}

export async function deleteCertificationRow(db: Db, id: string, enterpriseId: string) {
  const [c] = await db
    .delete(certifications)
    .where(and(eq(certifications.id, id), eq(certifications.enterpriseId, enterpriseId)))
    .returning();
  return c ?? null;
}

export function listColleagues(db: Db, enterpriseId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, memberRole: users.memberRole, status: users.status, lastLoginAt: users.lastLoginAt })
    .from(users)
    .where(eq(users.enterpriseId, enterpriseId))
    .orderBy(asc(users.createdAt))
    .limit(100);
}

export async function insertPasswordToken(db: Db, values: typeof passwordResetTokens.$inferInsert) {
  await db.insert(passwordResetTokens).values(values);
}

/** The token with this hash, unused and not expired. */
const liveToken = (tokenHash: string) =>
  and(eq(passwordResetTokens.tokenHash, tokenHash), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, new Date()));

/** Whether a token is valid and unused now (a read: consumePasswordToken takes it). */
export async function passwordTokenIsLive(db: Db, tokenHash: string): Promise<boolean> {
  const [t] = await db.select({ id: passwordResetTokens.id }).from(passwordResetTokens).where(liveToken(tokenHash)).limit(1);
  return t !== undefined;
}

/** Takes a valid, unused token (once: it is marked used in the same statement). */
export async function consumePasswordToken(db: Db, tokenHash: string) {
  const [t] = await db.update(passwordResetTokens).set({ usedAt: new Date() }).where(liveToken(tokenHash)).returning();
  return t ?? null;
}

/** A new password ends every session opened with the old one (users.session_version). */
export async function setUserPassword(db: Db, userId: string, passwordHash: string) {
  await db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, userId));
}
