// The officer's workbench: everything one application's decision needs on one page — the
// enterprise and its innovation score (financial values only under consent, each access logged by
// scoreReport), the need and the match reasons, the product's terms, the documents with their
// checklist, the pledged IP assets, the pledge, the loan after disbursement, and the timeline.
import type { Db } from '../../db/client';
import { workbenchRow } from '../../db/queries/applications';
import { rateRangeBp } from '../loans/cost';
import { assertInstitutionScope, assertRole, type Actor } from '../auth/actor';
import { addMonths, zoneDay } from '../core/dates';
import { applicationDocumentsView } from '../documents/sharing';
import { AppError } from '../core/errors';
import { scoreReport } from '../innovation/service';
import type { MatchReason } from '../matching/engine';

export async function workbenchFor(db: Db, actor: Actor, applicationId: string) {
  assertRole(actor, 'institution');
  // The application view, the documents, the score report's rows, the pledged assets, loan and
  // match, the need and today's LPR: one statement (shown only once the scope check passed).
  const row = await workbenchRow(db, applicationId, zoneDay());
  if (!row) throw new AppError('not_found');
  const view = row.view;
  assertInstitutionScope(actor, view.application.institutionId);
  const a = view.application;
  const product = view.product;
  const enterprise = { enterprise: view.enterprise, parkName: view.parkName, parkNameEn: view.parkNameEn };
  const [score, documents] = await Promise.all([
    // Financial values only under consent, each access logged (the page's one write).
    scoreReport(db, actor, a.enterpriseId, enterprise, row.scoreRows),
    applicationDocumentsView(db, actor, a, product, row.documents),
  ]);
  const { assets, loan, match, verificationRevoked } = row.extras;
  const need = row.need;
  const lpr = product.rateType === 'lpr_spread' && row.lprBp !== null ? { oneYearBp: row.lprBp } : null;
  // The annual rate range the approval must fall in: LPR + spread for a spread-priced product.
  // Without an LPR to price against, the spreads themselves (lprBp null says so).
  const range = rateRangeBp(product, lpr?.oneYearBp ?? null) ?? { minBp: product.rateMinBp, maxBp: product.rateMaxBp };
  const rateRange = { ...range, lprBp: lpr?.oneYearBp ?? null };
  // A pledged patent must stay in force past the loan's maturity: the loan's, or the term's end from today.
  const maturesOn = loan?.maturesOn ?? addMonths(zoneDay(), a.approvedTermMonths ?? a.termMonths);
  return {
    ...view,
    product,
    enterprise,
    score,
    documents,
    // An asset's valuation is the enterprise's financial detail: shown under the same live consent
    // as the score's values (whose access the score report logged), hidden once it is revoked.
    assets: assets.map((x) => ({
      ...x,
      ...(score.valuesVisible ? {} : { valuationFen: null, appraiser: null, valuedOn: null }),
      valuationHidden: !score.valuesVisible,
      outlastsMaturity: x.expiryDate === null || x.expiryDate > maturesOn,
    })),
    maturesOn,
    rateRange,
    loan,
    need,
    match: match ? { score: match.score, reasons: (match.reasons as MatchReason[]) ?? [] } : null,
    verificationRevoked,
  };
}
