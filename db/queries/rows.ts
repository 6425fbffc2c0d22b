// Row-level primitives for the transition engine (lib/machines/engine.ts): read a row under a
// FOR UPDATE lock, and update it by id. The engine decides what to write; this only knows SQL.
import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client';

/** A table with a uuid `id`, and optionally an `updatedAt` the update stamps. */
export type TableWithId = PgTable & { id: PgColumn; updatedAt?: PgColumn };

/** The row, locked until the transaction ends (`db` must be a transaction), or undefined. */
export async function lockRowById<Row>(db: Db, table: TableWithId, id: string): Promise<Row | undefined> {
  const [row] = (await db
    .select()
    .from(table as PgTable)
    .where(eq(table.id, id))
    .for('update')) as unknown as Row[];
  return row;
}

/** Sets the columns (and `updatedAt`, when the table has one) and returns the updated row. */
export async function updateRowById<Row>(db: Db, table: TableWithId, id: string, set: Record<string, unknown>): Promise<Row> {
  const values = 'updatedAt' in table && table.updatedAt ? { ...set, updatedAt: new Date() } : set;
  const [row] = (await db.update(table).set(values).where(eq(table.id, id)).returning()) as unknown as Row[];
  return row;
}
