// The zone administrator's oversight lists: users, institutions and the organisation picker, a page
// at a time with exact totals. Never selects a password hash.
import { and, asc, count, desc, eq, gt, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import { enterprises, institutions, memberRole, passwordResetTokens, userRole, userStatus, users, type InstitutionStatus, type UserRole } from '../schema';

export interface Page {
  limit: number;
  offset: number;
}
const MAX_PAGE = 100;
const bounded = (p: Page) => ({ limit: Math.min(Math.max(p.limit, 1), MAX_PAGE), offset: Math.max(p.offset, 0) });

/** `%term%` for ILIKE, with the user's own % _ \ taken literally. */
function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// ---------------------------------------------------------------- users
/**
 * The users table without its password hash, for status transitions: db/transition.ts puts the
 * whole locked row into the append-only audit log, where a hash must never land. Not a migration
 * source (drizzle.config.ts reads db/schema.ts only).
 */
export const userAccounts = pgTable('users', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  role: userRole('role').notNull(),
  enterpriseId: uuid('enterprise_id'),
  institutionId: uuid('institution_id'),
  memberRole: memberRole('member_role'),
  status: userStatus('status').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});
export type UserAccount = typeof userAccounts.$inferSelect;

export interface UserSearch extends Page {
  /** Part of the e-mail or the name. */
  q?: string;
  role?: UserRole;
  status?: 'active' | 'disabled';
  /** The user's enterprise or institution, by id… */
  organisationId?: string;
  /** …or by part of its name. */
  organisationName?: string;
}

export async function searchUsers(db: Db, f: UserSearch) {
  const { limit, offset } = bounded(f);
  const where: (SQL | undefined)[] = [];
  if (f.q) {
    const p = containsPattern(f.q);
    where.push(or(ilike(users.email, p), ilike(users.name, p)));
  }
  if (f.role) where.push(eq(users.role, f.role));
  if (f.status) where.push(eq(users.status, f.status));
  if (f.organisationId) where.push(or(eq(users.enterpriseId, f.organisationId), eq(users.institutionId, f.organisationId)));
  if (f.organisationName) {
    const p = containsPattern(f.organisationName);
    where.push(or(ilike(enterprises.name, p), ilike(institutions.name, p)));
  }
  const cond = and(...where);
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        memberRole: users.memberRole,
        status: users.status,
        lastLoginAt: users.lastLoginAt,
        createdAt: users.createdAt,
        enterpriseId: users.enterpriseId,
        institutionId: users.institutionId,
        organisationName: sql<string | null>`coalesce(${enterprises.name}, ${institutions.name})`,
      })
      .from(users)
      .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
      .leftJoin(institutions, eq(institutions.id, users.institutionId))
      .where(cond)
      .orderBy(desc(users.createdAt), asc(users.id))
      .limit(limit)
      .offset(offset),
    db
      .select({ total: count() })
      .from(users)
      .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
      .leftJoin(institutions, eq(institutions.id, users.institutionId))
      .where(cond),
  ]);
  return { items, total: Number(total) };
}

/** Locks the user's row, so two admins issuing links for one user serialise. */
export async function lockUser(db: Db, id: string) {
  const [u] = await db.select({ id: users.id, email: users.email, status: users.status }).from(users).where(eq(users.id, id)).for('update');
  return u ?? null;
}

export async function findUserIdByEmail(db: Db, email: string) {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return u?.id ?? null;
}

/** Ends every set-password link of the user not yet used; returns how many. */
export async function expireUnusedPasswordTokens(db: Db, userId: string, now = new Date()): Promise<number> {
  const rows = await db
    .update(passwordResetTokens)
    .set({ expiresAt: now })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)))
    .returning({ id: passwordResetTokens.id });
  return rows.length;
}

// ---------------------------------------------------------------- institutions
export async function searchInstitutions(db: Db, f: Page & { status?: InstitutionStatus; q?: string }) {
  const { limit, offset } = bounded(f);
  const cond = and(
    f.status ? eq(institutions.status, f.status) : undefined,
    f.q ? or(ilike(institutions.name, containsPattern(f.q)), eq(institutions.uscc, f.q.toUpperCase())) : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    // Newest first: the applications waiting for a decision are usually the latest.
    db.select().from(institutions).where(cond).orderBy(desc(institutions.createdAt), asc(institutions.id)).limit(limit).offset(offset),
    db.select({ total: count() }).from(institutions).where(cond),
  ]);
  return { items, total: Number(total) };
}

// ---------------------------------------------------------------- organisations
export type OrganisationKind = 'institution' | 'enterprise';
export interface OrganisationOption {
  id: string;
  name: string;
  kind: OrganisationKind;
}

/** Institutions and enterprises whose name contains `term`, institutions first, by name. */
export async function searchOrganisations(db: Db, term: string, limit = 20): Promise<OrganisationOption[]> {
  const p = containsPattern(term);
  const n = Math.min(Math.max(limit, 1), 50);
  const [insts, ents] = await Promise.all([
    db.select({ id: institutions.id, name: institutions.name }).from(institutions).where(ilike(institutions.name, p)).orderBy(asc(institutions.name)).limit(n),
    db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(ilike(enterprises.name, p)).orderBy(asc(enterprises.name)).limit(n),
  ]);
  return [...insts.map((o) => ({ ...o, kind: 'institution' as const })), ...ents.map((o) => ({ ...o, kind: 'enterprise' as const }))].slice(0, n);
}

export async function findOrganisation(db: Db, id: string): Promise<OrganisationOption | null> {
  const [i] = await db.select({ id: institutions.id, name: institutions.name }).from(institutions).where(eq(institutions.id, id)).limit(1);
  if (i) return { ...i, kind: 'institution' };
  const [e] = await db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(eq(enterprises.id, id)).limit(1);
  return e ? { ...e, kind: 'enterprise' } : null;
}
