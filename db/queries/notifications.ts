import { and, count, desc, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '../client';
import { notifications } from '../schema';

/** Who a notification is for: one user, one organisation's users, or every admin. */
export type NotificationRecipient = { userId: string } | { enterpriseId: string } | { institutionId: string } | { toAdmins: true };

/** One notification: its kind and parameters (lib/notifications renders them), the link it opens, what it is about. */
export async function insertNotification(
  db: Db,
  n: NotificationRecipient & { kind: string; params: Record<string, unknown>; link: string | null; entity: string | null; entityId: string | null },
) {
  await db.insert(notifications).values(n);
}

/** Notifications addressed to this user: personally, to their organisation, or to all admins. */
function addressedTo(a: { userId: string; role: string; enterpriseId: string | null; institutionId: string | null }) {
  const parts = [eq(notifications.userId, a.userId)];
  if (a.enterpriseId) parts.push(eq(notifications.enterpriseId, a.enterpriseId));
  if (a.institutionId) parts.push(eq(notifications.institutionId, a.institutionId));
  if (a.role === 'admin') parts.push(eq(notifications.toAdmins, true));
  return or(...parts)!;
}

export async function unreadCount(db: Db, a: Parameters<typeof addressedTo>[0]) {
  const [r] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(addressedTo(a), isNull(notifications.readAt)));
  return Number(r.n);
}

export function listNotifications(db: Db, a: Parameters<typeof addressedTo>[0], limit = 50) {
  return db.select().from(notifications).where(addressedTo(a)).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(limit);
}

export async function markAllRead(db: Db, a: Parameters<typeof addressedTo>[0]) {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(addressedTo(a), isNull(notifications.readAt)));
}

/**
 * The admins' notices about one entity (a registration, a submitted certification) are read once an
 * admin has decided it: the shared badge counted items already handled (19 after a day of approvals).
 */
export async function markAdminNoticesHandled(db: Db, entity: string, entityId: string) {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.toAdmins, true), eq(notifications.entity, entity), eq(notifications.entityId, entityId), isNull(notifications.readAt)));
}
