// A new enterprise's first steps, shown on its home page until they are done (a new user saw only
// zero tiles there and no way forward): complete the profile's financials, be verified by the zone,
// post a financing need, apply for a product.

export type StartStep = 'profile' | 'verification' | 'need' | 'apply';

export interface StartStepState {
  step: StartStep;
  done: boolean;
  /** Where to do it; none for the zone's verification, which the enterprise waits for. */
  href: string | null;
}

export function gettingStarted(e: { revenueFen: bigint; verificationStatus: string }, o: { openNeeds: number; applications: number }): StartStepState[] {
  return [
    { step: 'profile', done: e.revenueFen > 0n, href: '/enterprise/profile' },
    { step: 'verification', done: e.verificationStatus === 'verified', href: null },
    { step: 'need', done: o.openNeeds > 0 || o.applications > 0, href: '/enterprise/needs/new' },
    { step: 'apply', done: o.applications > 0, href: '/products' },
  ];
}
