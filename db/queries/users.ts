import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { USER_ROLES } from '../enums';
import { sqlValue } from '../sql-enums';
import { FIGURES_VERSION } from './figures';
import { enterprises, institutions, notifications, users } from '../schema';

export async function findUserByEmail(db: Db, email: string) {
  const [u] = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return u ?? null;
}

/** The header counts unread notifications up to this many; past 99 it shows "99+". */
export const UNREAD_COUNTED = 100;

/**
 * The signed-in user with its organisation's name and standing and the count of unread
 * notifications addressed to it (personally, to its organisation, or to all admins: as
 * db/queries/notifications.ts addresses them), in one query (lib/auth/session.ts): every
 * signed-in page shows both in its header.
 */
const accountColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  enterpriseId: users.enterpriseId,
  institutionId: users.institutionId,
  memberRole: users.memberRole,
  status: users.status,
  sessionVersion: users.sessionVersion,
  institutionName: institutions.name,
  institutionStatus: institutions.status,
  institutionNote: institutions.rejectionReason,
  enterpriseName: enterprises.name,
  enterpriseVerification: enterprises.verificationStatus,
  enterpriseNote: enterprises.verificationNote,
  // Counted up to UNREAD_COUNTED (the header shows "99+" beyond), through the unread-only indexes of migration 0015.
  unread:
    sql<number>`(select count(*)::int from (select 1 from ${notifications} where ${notifications.readAt} is null and (${notifications.userId} = ${users.id}
    or ${notifications.enterpriseId} = ${users.enterpriseId} or ${notifications.institutionId} = ${users.institutionId}
    or (${users.role} = ${sqlValue(USER_ROLES, 'admin')} and ${notifications.toAdmins})) limit ${sql.raw(String(UNREAD_COUNTED))}) unread)`.mapWith(Number),
};

/** The user's row with its organisation (and `extra` columns), by id. */
function accountQuery<E extends Record<string, SQL.Aliased | SQL>>(db: Db, id: string, extra: E) {
  return db
    .select({ ...accountColumns, ...extra })
    .from(users)
    .leftJoin(institutions, eq(institutions.id, users.institutionId))
    .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .where(eq(users.id, id))
    .limit(1);
}

export async function sessionAccount(db: Db, id: string) {
  const [row] = await accountQuery(db, id, {});
  return row ?? null;
}

/**
 * The session's account row and the data version (db/queries/figures.ts figuresVersion) in one
 * statement, so both come from one snapshot: the private page cache's key
 * (lib/server/private-page-source.ts). Null when the user is gone.
 */
export async function sessionAccountAndDataVersion(db: Db, id: string): Promise<{ row: AccountRow; dataVersion: string | null } | null> {
  const [r] = await accountQuery(db, id, { dataVersion: sql<string | null>`${FIGURES_VERSION}` });
  if (!r) return null;
  const { dataVersion, ...row } = r;
  return { row, dataVersion };
}

/** A user with its organisation's name and standing, as the actor load reads it. */
export type AccountRow = NonNullable<Awaited<ReturnType<typeof sessionAccount>>>;

export async function insertUser(db: Db, values: typeof users.$inferInsert) {
  const [u] = await db.insert(users).values(values).returning();
  return u;
}

/** Ends every session of the user (lib/auth/account.ts compares the version); returns the new version. */
export async function bumpSessionVersion(db: Db, id: string): Promise<number | null> {
  const [row] = await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning({ sessionVersion: users.sessionVersion });
  return row?.sessionVersion ?? null;
}

export async function touchLastLogin(db: Db, id: string) {
  await db.update(users).set({ lastLoginAt: sql`now()` }).where(eq(users.id, id));
}
