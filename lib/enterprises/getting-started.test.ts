import { describe, expect, it } from 'vitest';
import { gettingStarted } from './getting-started';

const done = (e: { revenueFen: bigint; verificationStatus: string }, o: { openNeeds: number; applications: number }) =>
  gettingStarted(e, o)
    .filter((s) => s.done)
    .map((s) => s.step);

describe('a new enterprise’s first steps', () => {
  it('start with nothing done and end with everything done', () => {
    expect(done({ revenueFen: 0n, verificationStatus: 'unverified' }, { openNeeds: 0, applications: 0 })).toEqual([]);
    expect(done({ revenueFen: 1n, verificationStatus: 'verified' }, { openNeeds: 1, applications: 2 })).toEqual(['profile', 'verification', 'need', 'apply']);
  });

  it('count a need as posted once an application exists, even if the need has closed', () => {
    expect(done({ revenueFen: 1n, verificationStatus: 'rejected' }, { openNeeds: 0, applications: 1 })).toEqual(['profile', 'need', 'apply']);
  });

  it('link each step the enterprise takes itself, not the zone’s verification', () => {
    expect(gettingStarted({ revenueFen: 0n, verificationStatus: 'unverified' }, { openNeeds: 0, applications: 0 }).map((s) => s.href)).toEqual([
      '/enterprise/profile',
      null,
      '/enterprise/needs/new',
      '/products',
    ]);
  });
});
