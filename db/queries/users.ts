import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { users } from '../schema';

export async function findUserByEmail(db: Db, email: string) {
  const [u] = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return u ?? null;
}

export async function findUserById(db: Db, id: string) {
  const [u] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return u ?? null;
}

export async function insertUser(db: Db, values: typeof users.$inferInsert) {
  const [u] = await db.insert(users).values(values).returning();
  return u;
}

export async function touchLastLogin(db: Db, id: string) {
  await db.update(users).set({ lastLoginAt: sql`now()` }).where(eq(users.id, id));
}
