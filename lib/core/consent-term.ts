// How long a data-sharing consent lasts (DESIGN §2: an enterprise's grant to one institution, with
// scope and expiry): one year from the grant, the same calendar day a year on (29 February: 1 March).
// Applying and accepting an institution's interest both grant it; the apply form names the date.
export const CONSENT_TERM_YEARS = 1;

export function consentExpiresAt(grantedAt: Date): Date {
  const d = new Date(grantedAt);
  d.setUTCFullYear(d.getUTCFullYear() + CONSENT_TERM_YEARS);
  return d;
}
