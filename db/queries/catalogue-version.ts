import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { catalogueState } from '../schema';

/** The public catalogue's version (bumped by triggers on products, institutions, parks, LPR rates). */
export async function catalogueVersion(db: Db): Promise<number> {
  const [r] = await db.select({ version: catalogueState.version }).from(catalogueState).where(eq(catalogueState.id, 1));
  return r?.version ?? 0;
}
