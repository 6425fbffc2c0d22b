// The admins' verification queue (待核验): unverified enterprises and certifications, a page at a
// time. Enterprises whose USCC failed the GB 32100 check come first: only a person can vouch for them.
import { asc, count, desc, eq, or } from 'drizzle-orm';
import type { Db } from '../client';
import { certifications, enterprises, parks } from '../schema';
import { openApplicationsOf, unsettledLoansOf, verificationRevokedNow } from './enterprises';

export interface Page {
  limit: number;
  offset: number;
}
const MAX_PAGE = 100;

/** An enterprise's business that rejecting or revoking it touches: applications being handled, loans not yet settled. */
const businessColumns = { openApplications: openApplicationsOf(enterprises.id), unsettledLoans: unsettledLoansOf(enterprises.id) };
const bounded = (p: Page) => ({ limit: Math.min(Math.max(p.limit, 1), MAX_PAGE), offset: Math.max(p.offset, 0) });

export async function enterpriseVerificationQueue(db: Db, page: Page) {
  const { limit, offset } = bounded(page);
  const unverified = eq(enterprises.verificationStatus, 'unverified');
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        id: enterprises.id,
        name: enterprises.name,
        uscc: enterprises.uscc,
        usccCheckOverridden: enterprises.usccCheckOverridden,
        parkName: parks.name,
        parkNameEn: parks.nameEn,
        industry: enterprises.industry,
        foundedOn: enterprises.foundedOn,
        createdAt: enterprises.createdAt,
        ...businessColumns,
      })
      .from(enterprises)
      .innerJoin(parks, eq(parks.id, enterprises.parkId))
      .where(unverified)
      .orderBy(desc(enterprises.usccCheckOverridden), asc(enterprises.createdAt), asc(enterprises.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(enterprises).where(unverified),
  ]);
  return { items, total: Number(total) };
}

export async function certificationVerificationQueue(db: Db, page: Page) {
  const { limit, offset } = bounded(page);
  const unverified = eq(certifications.verificationStatus, 'unverified');
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        id: certifications.id,
        kind: certifications.kind,
        number: certifications.number,
        validFrom: certifications.validFrom,
        validTo: certifications.validTo,
        createdAt: certifications.createdAt,
        enterpriseId: enterprises.id,
        enterpriseName: enterprises.name,
        enterpriseVerificationStatus: enterprises.verificationStatus,
      })
      .from(certifications)
      .innerJoin(enterprises, eq(enterprises.id, certifications.enterpriseId))
      .where(unverified)
      .orderBy(asc(certifications.createdAt), asc(certifications.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(certifications).where(unverified),
  ]);
  return { items, total: Number(total) };
}

/**
 * The enterprises holding a credit code, or that held it until the zone released it (USCC squatting:
 * the service centre looks the code a company was refused with up). Every status; newest first. With
 * each, the business a revocation would touch: its applications still being handled (WAITING_STATES)
 * and its loans not yet settled (UNSETTLED_LOAN_STATES).
 */
export async function enterprisesWithCode(db: Db, code: string) {
  return db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      uscc: enterprises.uscc,
      usccReleased: enterprises.usccReleased,
      parkName: parks.name,
      parkNameEn: parks.nameEn,
      verificationStatus: enterprises.verificationStatus,
      verificationNote: enterprises.verificationNote,
      verifiedAt: enterprises.verifiedAt,
      createdAt: enterprises.createdAt,
      ...businessColumns,
      revoked: verificationRevokedNow(enterprises.verificationStatus, enterprises.id),
    })
    .from(enterprises)
    .innerJoin(parks, eq(parks.id, enterprises.parkId))
    .where(or(eq(enterprises.uscc, code), eq(enterprises.usccReleased, code)))
    .orderBy(desc(enterprises.createdAt), asc(enterprises.id))
    .limit(MAX_PAGE);
}
