// The header's unread-notification badge: the count up to UNREAD_BADGE_MAX, beyond it "99+". The
// session statement counts no further than one more (db/queries/users.ts UNREAD_COUNTED), so a
// user with thousands of unread notifications costs every page no more than one with a hundred.
export const UNREAD_BADGE_MAX = 99;

export function unreadBadge(unread: number): string {
  return unread > UNREAD_BADGE_MAX ? `${UNREAD_BADGE_MAX}+` : String(unread);
}
