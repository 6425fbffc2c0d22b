import { describe, expect, it } from 'vitest';
import { consentExpiresAt } from './consent-term';

describe('consentExpiresAt', () => {
  it('is the same instant a calendar year on', () => {
    expect(consentExpiresAt(new Date('2026-12-03T04:30:00Z'))).toEqual(new Date('2027-12-03T04:30:00Z'));
    expect(consentExpiresAt(new Date('2027-03-01T00:00:00Z'))).toEqual(new Date('2028-03-01T00:00:00Z'));
    // A leap day's grant runs to the 1st of March.
    expect(consentExpiresAt(new Date('2028-02-29T08:00:00Z'))).toEqual(new Date('2029-03-01T08:00:00Z'));
  });
});
