import { and, eq, gte, sql } from 'drizzle-orm';
import type { FailureWindow } from '../../lib/auth/sign-in-limit';
import type { Db } from '../client';
import { loginAttempts } from '../schema';

async function failures(db: Db, column: typeof loginAttempts.email | typeof loginAttempts.ip, value: string, since: Date): Promise<FailureWindow> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${loginAttempts.at})` })
    .from(loginAttempts)
    .where(and(eq(column, value), eq(loginAttempts.succeeded, false), gte(loginAttempts.at, since)));
  return { count: Number(row?.count ?? 0), oldest: row?.oldest ? new Date(row.oldest) : null };
}

export function accountFailures(db: Db, email: string, since: Date) {
  return failures(db, loginAttempts.email, email, since);
}

export function addressFailures(db: Db, ip: string, since: Date) {
  return failures(db, loginAttempts.ip, ip, since);
}

export async function recordLoginAttempt(db: Db, a: { email: string; ip: string; succeeded: boolean }) {
  await db.insert(loginAttempts).values(a);
}

/** Serialises concurrent attempts on one account inside the caller's transaction. */
export async function lockAccountAttempts(db: Db, email: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${'login:' + email}))`);
}
