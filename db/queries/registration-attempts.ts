import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { rowsOf } from '../rows';
import { registrationAttempts } from '../schema';

/** Serialises concurrent registrations from one address inside the caller's transaction. */
export async function lockRegistrationAddress(db: Db, ip: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${'reg:' + ip}))`);
}

/** This address's attempts within the last `windowMs`, newest first, at most `limit`. */
export async function recentRegistrationAttempts(db: Db, ip: string, windowMs: number, limit: number): Promise<Date[]> {
  const rows = await db
    .select({ at: registrationAttempts.at })
    .from(registrationAttempts)
    .where(and(eq(registrationAttempts.ip, ip), sql`${registrationAttempts.at} > now() - make_interval(secs => ${windowMs / 1000})`))
    .orderBy(desc(registrationAttempts.at))
    .limit(limit);
  return rows.map((r) => r.at);
}

export async function recordRegistrationAttempt(db: Db, ip: string) {
  await db.insert(registrationAttempts).values({ ip });
}

/** Which kind of organisation holds this (normalised) credit code, if any (the organisation_usccs registry, migration 0007). */
export async function usccHolder(db: Db, uscc: string): Promise<'enterprise' | 'institution' | null> {
  const rows = rowsOf<{ kind: 'enterprise' | 'institution' }>(await db.execute(sql`select kind from organisation_usccs where uscc = ${uscc} limit 1`));
  return rows[0]?.kind ?? null;
}
