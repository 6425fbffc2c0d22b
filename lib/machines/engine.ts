// The one way an entity changes state: lock the row, plan the move from its machine, update, audit,
// run the after-effects, all in one transaction. Concurrent callers serialise on the row lock; the
// loser sees the new state and gets a conflict, so exactly one transition wins. The SQL is db/'s
// (lockRowById, updateRowById, writeAudit); the rules are here.
import type { Db } from '../../db/client';
import { writeAudit } from '../../db/queries/audit';
import { lockRowById, updateRowById, type TableWithId } from '../../db/queries/rows';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../auth/actor';
import { AppError } from '../core/errors';
import { planTransition, type Machine } from './define';

export interface TransitionRequest<S extends string, A extends string, Row> {
  machine: Machine<S, A>;
  table: TableWithId;
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

export async function applyTransition<S extends string, A extends string, Row extends object>(db: Db, req: TransitionRequest<S, A, Row>): Promise<Row> {
  return db.transaction(async (tx) => {
    const row = await lockRowById<Row>(tx, req.table, req.id);
    if (!row) throw new AppError('not_found');
    req.authorise?.(row);
    const key = req.state?.key ?? 'status';
    const to = planTransition(req.machine, (row as Record<string, unknown>)[key] as S, req.action, req.actor.role);
    const extra = (await req.changes?.(row, to, tx)) ?? {};
    const updated = await updateRowById<Row>(tx, req.table, req.id, { ...extra, [key]: to });
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
