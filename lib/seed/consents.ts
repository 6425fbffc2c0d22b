// The enterprises' consents to the institutions they applied to.
import { addYears, dateOf, daysBetween, HOUR } from './data/calendar';
import { seedUuid } from './data/prng';
import { date, type Ctx } from './context';

// ---------------------------------------------------------------- consents

export function buildConsents(ctx: Ctx): void {
  const latest = new Map<string, { enterpriseId: string; institutionId: string; ms: number }>();
  for (const app of ctx.rows.applications) {
    const key = `${app.enterpriseId}:${app.institutionId}`;
    const ms = (app.submittedAt as Date).getTime();
    const cur = latest.get(key);
    if (!cur || ms > cur.ms) latest.set(key, { enterpriseId: app.enterpriseId, institutionId: app.institutionId, ms });
  }
  for (const [key, c] of latest) {
    const granted = dateOf(c.ms);
    const expiresMs = c.ms + daysBetween(granted, addYears(granted, 1)) * 24 * HOUR;
    ctx.rows.consents.push({
      id: seedUuid('consent', key),
      enterpriseId: c.enterpriseId,
      institutionId: c.institutionId,
      scope: ['financials', 'documents', 'ip_valuations'],
      source: 'application',
      grantedAt: date(c.ms),
      expiresAt: date(expiresMs),
    });
  }
}
