// Writing a notification: the kind and its parameters, checked against the kind's schema
// (messages.ts), with the link it opens; the reader's language is applied when it is read.
import type { Db } from '../../db/client';
import { insertNotification, type NotificationRecipient } from '../../db/queries/notifications';
import { NOTICES, type Notice } from './messages';

/** The stored columns of a notice (no recipient): also what the demo seed inserts. */
export function noticeRow(n: Notice) {
  return { kind: n.kind, ...NOTICES[n.kind].toRow(n.params), entity: n.entity ?? null, entityId: n.entityId ?? null };
}

function notify(db: Db, to: NotificationRecipient, n: Notice) {
  return insertNotification(db, { ...noticeRow(n), ...to });
}

export const notifyAdmins = (db: Db, n: Notice) => notify(db, { toAdmins: true }, n);
export const notifyInstitution = (db: Db, institutionId: string, n: Notice) => notify(db, { institutionId }, n);
export const notifyEnterprise = (db: Db, enterpriseId: string, n: Notice) => notify(db, { enterpriseId }, n);
