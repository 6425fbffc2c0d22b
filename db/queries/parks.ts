import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { parks } from '../schema';

export function listParks(db: Db) {
  return db.select().from(parks).orderBy(asc(parks.sortOrder), asc(parks.id));
}

export async function findParkById(db: Db, id: number) {
  const [p] = await db.select().from(parks).where(eq(parks.id, id)).limit(1);
  return p ?? null;
}
