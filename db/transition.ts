// The one way an entity changes state: lock the row, check the machine, update, audit — all in one
// transaction. Concurrent callers serialise on the row lock; the loser sees the new state and gets
// a conflict, so exactly one transition wins.
import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Actor } from '../lib/auth/actor';
import { AppError } from '../lib/errors';
import { planTransition, type Machine } from '../lib/state-machine';
import type { Db } from './client';
import { writeAudit } from './queries/audit';

type StatefulTable = PgTable & { id: PgColumn; updatedAt?: PgColumn };

export interface TransitionRequest<S extends string, A extends string, Row> {
  machine: Machine<S, A>;
  table: StatefulTable;
  /** The state column and its property name; default `status`. */
  state?: { column: PgColumn; key: string };
  id: string;
  action: A;
  actor: Actor;
  requestId?: string | null;
  /** Organisation check on the locked row; throw AppError('not_found') for a foreign one. */
  authorise?: (row: Row) => void;
  /** Extra columns to set with the new status (e.g. approved amount). */
  changes?: (row: Row, to: S, tx: Db) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Side effects in the same transaction (e.g. create the loan on disbursement). */
  after?: (tx: Db, before: Row, after: Row) => Promise<void>;
}

export async function applyTransition<S extends string, A extends string, Row extends object>(
  db: Db,
  req: TransitionRequest<S, A, Row>,
): Promise<Row> {
  return db.transaction(async (tx) => {
    const t = req.table;
    const [row] = (await tx.select().from(t as PgTable).where(eq(t.id, req.id)).for('update')) as unknown as Row[];
    if (!row) throw new AppError('not_found');
    req.authorise?.(row);
    const key = req.state?.key ?? 'status';
    const to = planTransition(req.machine, (row as Record<string, unknown>)[key] as S, req.action, req.actor.role);
    const extra = (await req.changes?.(row, to, tx)) ?? {};
    const set: Record<string, unknown> = { ...extra, [key]: to };
    if ('updatedAt' in t && t.updatedAt) set.updatedAt = new Date();
    const [updated] = (await tx.update(t).set(set).where(eq(t.id, req.id)).returning()) as unknown as Row[];
    await writeAudit(tx, {
      actor: req.actor,
      action: `${req.machine.entity}.${req.action}`,
      entity: req.machine.entity,
      entityId: req.id,
      before: row,
      after: updated,
      requestId: req.requestId,
    });
    await req.after?.(tx, row, updated);
    return updated;
  });
}
