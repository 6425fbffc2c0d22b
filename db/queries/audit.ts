import { and, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { countUpTo } from './count-up-to';
import type { USER_ROLES } from '../enums';
import { toJsonValue } from '../json';
import { auditEvents, enterprises, institutions, users } from '../schema';

/** Who acted (lib's Actor fits): the organisation is the enterprise or institution; admins have none. */
export interface AuditActor {
  userId: string;
  role: (typeof USER_ROLES)[number];
  enterpriseId: string | null;
  institutionId: string | null;
}

export interface AuditInput {
  actor: AuditActor | null;
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
    organisationId: e.actor ? (e.actor.enterpriseId ?? e.actor.institutionId) : null,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    before: toJsonValue(e.before ?? null),
    after: toJsonValue(e.after ?? null),
    requestId: e.requestId ?? null,
  });
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actorUserId?: string;
  /**
   * An institution or enterprise (or several, e.g. every name match): the events its users did,
   * and the events about the organisation itself (an admin approving, suspending or verifying it),
   * which carry no organisation because admins have none.
   */
  organisationId?: string | readonly string[];
  /** [from, to): instants; the pages pass the zone's day bounds. */
  from?: Date;
  to?: Date;
  limit?: number;
  offset?: number;
}

const MAX_LIMIT = 200;

function auditWhere(f: AuditFilter): SQL | undefined {
  const where: SQL[] = [];
  if (f.entity) where.push(eq(auditEvents.entity, f.entity));
  if (f.entityId) where.push(eq(auditEvents.entityId, f.entityId));
  if (f.actorUserId) where.push(eq(auditEvents.actorUserId, f.actorUserId));
  if (f.organisationId !== undefined) {
    const ids = typeof f.organisationId === 'string' ? [f.organisationId] : [...f.organisationId];
    // No organisation matches nothing (rather than everything).
    if (ids.length === 0) where.push(sql`false`);
    else
      where.push(
        or(
          inArray(auditEvents.organisationId, ids),
          and(inArray(auditEvents.entity, ['institution', 'enterprise']), inArray(auditEvents.entityId, ids)),
        ) as SQL,
      );
  }
  if (f.from) where.push(gte(auditEvents.at, f.from));
  if (f.to) where.push(lt(auditEvents.at, f.to));
  return where.length ? and(...where) : undefined;
}

const bounded = (f: AuditFilter) => ({ limit: Math.min(Math.max(f.limit ?? 50, 1), MAX_LIMIT), offset: Math.max(f.offset ?? 0, 0) });

export async function listAuditEvents(db: Db, f: AuditFilter) {
  const { limit, offset } = bounded(f);
  return db.select().from(auditEvents).where(auditWhere(f)).orderBy(desc(auditEvents.at), desc(auditEvents.id)).limit(limit).offset(offset);
}

export async function countAuditEvents(db: Db, f: AuditFilter): Promise<number> {
  const [r] = await db.select({ n: count() }).from(auditEvents).where(auditWhere(f));
  return Number(r?.n ?? 0);
}

/**
 * How many events the viewer counts at most: past it the total reads "more than AUDIT_COUNT_CAP".
 * An exact count of a province's trail (47M rows at tier L) takes 3.6 s per page view; counting stops
 * at the cap, so a filter that narrows to fewer rows still gets its exact total.
 */
export const AUDIT_COUNT_CAP = 10_000;

/**
 * One page for the audit viewer, with who acted and for which organisation, and the total: exact up
 * to AUDIT_COUNT_CAP, else `capped` (more than that many).
 */
export async function pageAuditEvents(db: Db, f: AuditFilter) {
  const { limit, offset } = bounded(f);
  const [items, counted] = await Promise.all([
    db
      .select({
        event: auditEvents,
        actorName: users.name,
        actorEmail: users.email,
        organisationName: sql<string | null>`coalesce(${institutions.name}, ${enterprises.name})`,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .leftJoin(institutions, eq(institutions.id, auditEvents.organisationId))
      .leftJoin(enterprises, eq(enterprises.id, auditEvents.organisationId))
      .where(auditWhere(f))
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(limit)
      .offset(offset),
    countUpTo(db, db.select({ one: sql`1` }).from(auditEvents).where(auditWhere(f)).$dynamic(), AUDIT_COUNT_CAP),
  ]);
  return {
    items: items.map((r) => ({ ...r.event, actorName: r.actorName, actorEmail: r.actorEmail, organisationName: r.organisationName })),
    ...counted,
  };
}
