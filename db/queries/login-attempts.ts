import { and, eq, gte, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { loginAttempts } from '../schema';

async function failures(db: Db, where: SQL | undefined, since: Date): Promise<{ count: number; oldest: Date | null }> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${loginAttempts.at})` })
    .from(loginAttempts)
    .where(and(where, eq(loginAttempts.succeeded, false), gte(loginAttempts.at, since)));
  return { count: Number(row?.count ?? 0), oldest: row?.oldest ? new Date(row.oldest) : null };
}

/** Untrusted failures on the account: a trusted browser's own failures count against its device. */
export function accountFailures(db: Db, email: string, since: Date) {
  return failures(db, and(eq(loginAttempts.email, email), isNull(loginAttempts.device)), since);
}

/** Untrusted failures from the address. */
export function addressFailures(db: Db, ip: string, since: Date) {
  return failures(db, and(eq(loginAttempts.ip, ip), isNull(loginAttempts.device)), since);
}

/** Failures of one device cookie (its nonce), whatever the address. */
export function deviceFailures(db: Db, nonce: string, since: Date) {
  return failures(db, eq(loginAttempts.device, nonce), since);
}

/** device: the nonce of the device cookie the attempt was trusted under, else null. */
export async function recordLoginAttempt(db: Db, a: { email: string; ip: string; succeeded: boolean; device?: string | null }) {
  await db.insert(loginAttempts).values({ email: a.email, ip: a.ip, succeeded: a.succeeded, device: a.device ?? null });
}

/** Serialises concurrent attempts on one account inside the caller's transaction. */
export async function lockAccountAttempts(db: Db, email: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${'login:' + email}))`);
}
