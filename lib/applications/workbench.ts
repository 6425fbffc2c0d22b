// The officer's workbench: everything one application's decision needs on one page — the
// enterprise and its innovation score (financial values only under consent, each access logged by
// scoreReport), the need and the match reasons, the product's terms, the documents with their
// checklist, the pledged IP assets, the pledge, the loan after disbursement, and the timeline.
import type { Db } from '../../db/client';
import { workbenchExtras } from '../../db/queries/applications';
import { getNeedWithAssets } from '../../db/queries/needs';
import { lprOn } from '../../db/queries/lpr';
import { rateRangeBp } from '../loans/cost';
import { applicationFor } from './views';
import { assertRole, type Actor } from '../auth/actor';
import { addMonths, zoneDay } from '../core/dates';
import { applicationDocumentsView } from '../documents/sharing';
import { AppError } from '../core/errors';
import { scoreReport } from '../innovation/service';
import type { MatchReason } from '../matching/engine';

export async function workbenchFor(db: Db, actor: Actor, applicationId: string) {
  assertRole(actor, 'institution');
  const view = await applicationFor(db, actor, applicationId);
  const a = view.application;
  // The product and the enterprise with its park came with the view (one statement).
  const product = view.product;
  const enterprise = { enterprise: view.enterprise, parkName: view.parkName, parkNameEn: view.parkNameEn };
  const [score, documents, extras, need, lpr] = await Promise.all([
    scoreReport(db, actor, a.enterpriseId, enterprise),
    applicationDocumentsView(db, actor, a, product),
    workbenchExtras(db, a.id),
    a.needId ? getNeedWithAssets(db, a.needId) : null,
    product.rateType === 'lpr_spread' ? lprOn(db, zoneDay()) : null,
  ]);
  if (!extras) throw new AppError('not_found');
  const { assets, loan, match } = extras;
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
    assets: assets.map((x) => ({ ...x, outlastsMaturity: x.expiryDate === null || x.expiryDate > maturesOn })),
    maturesOn,
    rateRange,
    loan,
    need,
    match: match ? { score: match.score, reasons: (match.reasons as MatchReason[]) ?? [] } : null,
  };
}
