import { describe, expect, it } from 'vitest';
import { UNREAD_COUNTED } from '../../db/queries/users';
import { UNREAD_BADGE_MAX, unreadBadge } from './badge';

describe('unreadBadge', () => {
  it('shows the count up to 99 and "99+" beyond', () => {
    expect([1, 99, 100, 5000].map(unreadBadge)).toEqual(['1', '99', '99+', '99+']);
  });

  it('is fed by a session count that stops exactly one past what it shows', () => {
    expect(UNREAD_COUNTED).toBe(UNREAD_BADGE_MAX + 1);
    expect(unreadBadge(UNREAD_COUNTED)).toBe(`${UNREAD_BADGE_MAX}+`);
    expect(unreadBadge(UNREAD_COUNTED - 1)).toBe(String(UNREAD_BADGE_MAX));
  });
});
