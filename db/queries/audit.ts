import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Actor } from '../../lib/auth/actor';
import { organisationOf } from '../../lib/auth/actor';
import type { Db } from '../client';
import { toJsonValue } from '../json';
import { auditEvents } from '../schema';

export interface AuditInput {
  actor: Actor | null;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

/** Append-only: the table refuses UPDATE and DELETE. */
export async function writeAudit(db: Db, e: AuditInput): Promise<void> {
  await db.insert(auditEvents).values({
    actorUserId: e.actor?.userId ?? null,
    actorRole: e.actor?.role ?? null,
    organisationId: e.actor ? organisationOf(e.actor) : null,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    before: toJsonValue(e.before ?? null),
    after: toJsonValue(e.after ?? null),
    requestId: e.requestId ?? null,
  });
}

export async function listAuditEvents(
  db: Db,
  f: { entity?: string; entityId?: string; actorUserId?: string; from?: Date; to?: Date; limit?: number; offset?: number },
) {
  const where: SQL[] = [];
  if (f.entity) where.push(eq(auditEvents.entity, f.entity));
  if (f.entityId) where.push(eq(auditEvents.entityId, f.entityId));
  if (f.actorUserId) where.push(eq(auditEvents.actorUserId, f.actorUserId));
  if (f.from) where.push(gte(auditEvents.at, f.from));
  if (f.to) where.push(lt(auditEvents.at, f.to));
  return db
    .select()
    .from(auditEvents)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(Math.min(f.limit ?? 50, 200))
    .offset(f.offset ?? 0);
}
