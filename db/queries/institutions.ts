import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { institutions } from '../schema';

export async function insertInstitution(db: Db, values: typeof institutions.$inferInsert) {
  const [i] = await db.insert(institutions).values(values).returning();
  return i;
}

export async function findInstitutionByUscc(db: Db, uscc: string) {
  const [i] = await db.select({ id: institutions.id }).from(institutions).where(eq(institutions.uscc, uscc)).limit(1);
  return i ?? null;
}

export async function getInstitution(db: Db, id: string) {
  const [i] = await db.select().from(institutions).where(eq(institutions.id, id)).limit(1);
  return i ?? null;
}

export function listInstitutions(db: Db, f: { status?: 'pending' | 'active' | 'suspended'; limit?: number; offset?: number } = {}) {
  return db
    .select()
    .from(institutions)
    .where(f.status ? eq(institutions.status, f.status) : undefined)
    .orderBy(asc(institutions.createdAt), asc(institutions.id))
    .limit(Math.min(f.limit ?? 50, 200))
    .offset(f.offset ?? 0);
}

/** Active institutions for filter lists, by name. */
export function listActiveInstitutionOptions(db: Db) {
  return db
    .select({ id: institutions.id, name: institutions.name })
    .from(institutions)
    .where(eq(institutions.status, 'active'))
    .orderBy(asc(institutions.name))
    .limit(500);
}
