import { describe, expect, it } from 'vitest';
import { APPLICATION_STATES } from '@/lib/core/domain';
import { dictionaries } from '@/lib/i18n/translate';
import { eventName } from './timeline';

describe('timeline event names', () => {
  it('names every step by a translated action, whatever reason code the event carries', () => {
    const events = dictionaries.zh.applications.events as Record<string, string>;
    for (const toStatus of APPLICATION_STATES)
      for (const reasonCode of [null, 'credit_approved', 'accepted', 'high_leverage', 'withdrawn_by_enterprise']) {
        const name = eventName({ toStatus, reasonCode });
        expect(events[name], `${toStatus}/${reasonCode}`).toBeTypeOf('string');
      }
  });

  it('keeps the live codes: the resubmission and the action names', () => {
    expect(eventName({ toStatus: 'submitted', reasonCode: 'resubmit' })).toBe('resubmit');
    expect(eventName({ toStatus: 'approved', reasonCode: 'credit_approved' })).toBe('approve');
    expect(eventName({ toStatus: 'rejected', reasonCode: 'high_leverage' })).toBe('reject');
    expect(eventName({ toStatus: 'accepted', reasonCode: 'accept' })).toBe('accept');
  });
});
