// The demo data asks the real engines, never a copy of their rules: who is eligible
// (lib/matching/eligibility.ts), which products fit a need and how well they score (lib/matching/engine.ts). These
// adapters turn the seed's rows into the engines' inputs, the same inputs the app reads back from
// the database (db/queries/matching.ts's eligibilityFactsFor, the product row, the need row), so a
// seeded match carries the score the app would have given it. lib/seed/seed.int.test.ts checks that.
import type { products } from '../../db/schema';
import { checkEligibility, type EnterpriseFacts } from '../matching/eligibility';
import { classifyCandidate, type MatchNeed, type MatchProduct, type MatchScore, scoreMatch } from '../matching/engine';

type ProductRow = typeof products.$inferInsert;

/** An enterprise's facts as eligibilityFactsFor reads them: its latest innovation score, every certificate. */
export function enterpriseFacts(e: {
  parkId: number;
  industry: string;
  foundedOn: string;
  employees: number;
  revenueFen: bigint;
  verification: EnterpriseFacts['verificationStatus'];
  certs: readonly { kind: EnterpriseFacts['certifications'][number]['kind']; validFrom: string; validTo: string; verified: boolean }[];
  scoreHundredths: number | null;
}): EnterpriseFacts {
  return {
    parkId: e.parkId,
    industry: e.industry,
    foundedOn: e.foundedOn,
    employees: e.employees,
    revenueFen: e.revenueFen,
    verificationStatus: e.verification,
    certifications: e.certs.map((c) => ({
      kind: c.kind,
      validFrom: c.validFrom,
      validTo: c.validTo,
      verificationStatus: c.verified ? 'verified' : 'unverified',
    })),
    innovationScore: e.scoreHundredths === null ? null : (e.scoreHundredths / 100).toFixed(2),
  };
}

/** A product row as the engine sees it, with its lowest rate on the day (LPR + spread when LPR-priced). */
export function matchProduct(row: ProductRow, effectiveRateMinBp: number): MatchProduct {
  if (!row.id) throw new Error('seed: a product row without an id');
  return {
    id: row.id,
    amountMinFen: row.amountMinFen,
    amountMaxFen: row.amountMaxFen,
    termMinMonths: row.termMinMonths,
    termMaxMonths: row.termMaxMonths,
    guaranteeMethods: row.guaranteeMethods,
    effectiveRateMinBp,
    zoneExclusive: row.zoneExclusive ?? false,
    requiredCertifications: row.requiredCertifications ?? [],
    minInnovationScore: row.minInnovationScore ?? null,
    minYearsInOperation: row.minYearsInOperation ?? null,
    eligibleParkIds: row.eligibleParkIds ?? [],
    eligibleIndustries: row.eligibleIndustries ?? [],
    maxEmployees: row.maxEmployees ?? null,
    maxRevenueFen: row.maxRevenueFen ?? null,
  };
}

export function isEligible(product: MatchProduct, facts: EnterpriseFacts, day: string): boolean {
  return checkEligibility(product, facts, day).eligible;
}

export function fitsNeed(need: MatchNeed, product: MatchProduct, facts: EnterpriseFacts, day: string): boolean {
  return classifyCandidate(need, product, facts, day).kind === 'fit';
}

/**
 * The engine's score on the day the need was posted. `medianResponseHours`: the seed's institutions
 * have no history yet when their demo matches are made, so the seed passes the response time their
 * demo applications are generated around (lib/seed/data/institutions.ts).
 */
export function matchScore(need: MatchNeed, product: MatchProduct, facts: EnterpriseFacts, day: string, medianResponseHours: number): MatchScore {
  return scoreMatch(need, product, facts, day, medianResponseHours);
}
