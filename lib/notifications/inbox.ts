// The signed-in user's inbox: notifications addressed to them, or to their organisation (or, for an
// admin, to all admins). Reading it and marking it read; nothing else changes a notification.
import type { Db } from '../../db/client';
import { listNotifications, markAllRead } from '../../db/queries/notifications';
import type { Actor } from '../auth/actor';

/** The latest notifications, newest first. */
export function notificationsFor(db: Db, actor: Actor) {
  return listNotifications(db, actor);
}

/** Marks every notification addressed to the actor read (a read receipt, not an audited change). */
export function markAllReadFor(db: Db, actor: Actor) {
  return markAllRead(db, actor);
}
