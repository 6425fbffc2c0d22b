// The officer's workbench sections (server-rendered): enterprise and score, need and match
// reasons, product terms, documents, pledged IP assets.
import { MatchReasons } from '@/components/matching/match-text';
import { ScoreBreakdown } from '@/components/score/score-breakdown';
import { formatZoneDateTime } from '@/lib/core/dates';
import { documentLabel, formatBytes } from '@/lib/documents/format';
import { localParkName } from '@/lib/i18n/names';
import { joinList } from '@/lib/i18n/punctuation';
import type { Locale, Translate } from '@/lib/i18n/translate';
import { formatRateBp, formatWan } from '@/lib/core/money';
import type { workbenchFor } from '@/lib/applications/workbench';
import { approvedTermsText } from './approved-terms';

type Workbench = Awaited<ReturnType<typeof workbenchFor>>;

const box = 'space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm';

function Row({ label, children, testId, className }: { label: string; children: React.ReactNode; testId?: string; className?: string }) {
  return (
    <div className={className}>
      <dt className="text-slate-600">{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

export function EnterpriseSection({ w, t, locale }: { w: Workbench; t: Translate; locale: Locale }) {
  const e = w.enterprise.enterprise;
  const f = w.score.financials;
  return (
    <section aria-labelledby="wb-enterprise" className={box}>
      <h2 id="wb-enterprise" className="font-semibold">
        {t('documents.workbench.enterprise')}
      </h2>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        <Row label={t('documents.workbench.park')}>{localParkName(w.enterprise, locale)}</Row>
        <Row label={t('documents.workbench.industry')}>{t(`industries.${e.industry}`)}</Row>
        <Row label={t('documents.workbench.verification')} testId="workbench-verification">
          {w.verificationRevoked ? t('verification.revoked') : t(`verification.${e.verificationStatus}`)}
        </Row>
        <Row label={t('documents.workbench.founded')}>{e.foundedOn}</Row>
        <Row label={t('documents.workbench.employees')}>{e.employees}</Row>
        <Row label={t('documents.workbench.financials')} testId="workbench-financials">
          {f
            ? `${t('needs.board.revenue')} ${formatWan(f.revenueFen)}${t('app.clauseSeparator')}${t('needs.board.rnd')} ${formatWan(f.rndExpenseFen)}`
            : t('needs.board.financialsHidden')}
        </Row>
      </dl>
      <h3 className="pt-2 font-semibold">{t('documents.workbench.score')}</h3>
      {w.score.score ? (
        <>
          <p>
            <strong data-testid="workbench-score">{w.score.score.total}</strong>
            {t('app.aside', { text: t(`score.stages.${w.score.score.stage}`) })}
          </p>
          {!w.score.valuesVisible && <p className="text-sm text-slate-600">{t('documents.workbench.scoreHidden')}</p>}
          <ScoreBreakdown score={w.score.score} t={t} />
        </>
      ) : (
        <p className="text-sm text-slate-700">{t('documents.workbench.noScore')}</p>
      )}
    </section>
  );
}

export function NeedSection({ w, t }: { w: Workbench; t: Translate }) {
  return (
    <section aria-labelledby="wb-need" className={box}>
      <h2 id="wb-need" className="font-semibold">
        {t('documents.workbench.need')}
      </h2>
      {w.need ? (
        <p className="text-sm">
          {t('documents.workbench.needLine', {
            amount: t('app.wan', { amount: formatWan(w.need.amountFen) }),
            term: t('app.months', { n: w.need.termMonths }),
            purpose: t(`needs.purposes.${w.need.purpose}`),
          })}
        </p>
      ) : (
        <p className="text-sm text-slate-700">{t('documents.workbench.noNeed')}</p>
      )}
      {w.match && (
        <>
          <p className="text-sm font-medium">{t('documents.workbench.matchScore', { score: w.match.score })}</p>
          {/* Each factor with its points, about the enterprise's need (its ceiling, if it set one). */}
          <MatchReasons reasons={w.match.reasons} t={t} ceilingSet={w.need?.maxRateBp != null} voice="officer" />
        </>
      )}
    </section>
  );
}

export function TermsSection({ w, t }: { w: Workbench; t: Translate }) {
  const p = w.product;
  const a = w.application;
  return (
    <section aria-labelledby="wb-terms" className={box}>
      <h2 id="wb-terms" className="font-semibold">
        {t('documents.workbench.terms')}
      </h2>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        <Row label={t('documents.workbench.amountRange')}>{t('product.wanRange', { min: formatWan(p.amountMinFen), max: formatWan(p.amountMaxFen) })}</Row>
        <Row label={t('documents.workbench.termRange')}>{t('product.months', { min: p.termMinMonths, max: p.termMaxMonths })}</Row>
        <Row label={t('documents.workbench.rateRange')} testId="rate-range">
          {formatRateBp(w.rateRange.minBp)}–{formatRateBp(w.rateRange.maxBp)}
          {p.rateType === 'lpr_spread' &&
            w.rateRange.lprBp !== null &&
            t('app.aside', { text: `LPR ${formatRateBp(w.rateRange.lprBp)} + ${formatRateBp(p.rateMinBp)}–${formatRateBp(p.rateMaxBp)}` })}
        </Row>
        <Row label={t('documents.workbench.guarantee')}>
          {joinList(
            t,
            p.guaranteeMethods.map((g) => t(`guaranteeMethods.${g}`)),
          )}
        </Row>
        <Row label={t('documents.workbench.repayment')}>
          {joinList(
            t,
            p.repaymentMethods.map((r) => t(`repaymentMethods.${r}`)),
          )}
        </Row>
      </dl>
      <h3 className="pt-2 font-semibold">{t('documents.workbench.applied')}</h3>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        <Row label={t('documents.workbench.appliedAmount')} testId="applied-amount">
          {t('app.wan', { amount: formatWan(a.amountFen) })}
        </Row>
        <Row label={t('documents.workbench.appliedTerm')} testId="applied-term">
          {t('app.months', { n: a.termMonths })}
        </Row>
        <Row label={t('documents.workbench.repayment')} testId="applied-repayment">
          {a.repaymentMethod ? t(`repaymentMethods.${a.repaymentMethod}`) : '—'}
        </Row>
        {a.approvedAmountFen !== null && (
          // One dt/dd group per div: a dl may hold no deeper wrapper (axe definition-list).
          <Row label={t('applications.approvedTerms')} testId="approved-terms" className="sm:col-span-3">
            {approvedTermsText(t, { ...a, approvedAmountFen: a.approvedAmountFen })}
          </Row>
        )}
      </dl>
    </section>
  );
}

export function SharedDocumentsSection({ w, t, locale }: { w: Workbench; t: Translate; locale: Locale }) {
  const d = w.documents;
  return (
    <section aria-labelledby="wb-docs" className={box}>
      <h2 id="wb-docs" className="font-semibold">
        {t('documents.officer.shared')}
      </h2>
      {!d.consentLive && <p className="text-sm text-amber-800">{t('documents.officer.noConsent')}</p>}
      {d.shared.length === 0 ? (
        <p className="text-sm text-slate-700">{t('documents.officer.none')}</p>
      ) : (
        <ul className="space-y-1 text-sm" data-testid="shared-documents">
          {d.shared.map((s) => (
            <li key={s.versionId} className="flex flex-wrap items-center gap-x-3">
              <span className="font-medium">{documentLabel(t, s)}</span>
              <span>{t('documents.list.version', { version: s.version })}</span>
              <span>{s.originalName}</span>
              <span>{formatBytes(s.sizeBytes)}</span>
              <span className="text-slate-600">{formatZoneDateTime(s.sharedAt, locale)}</span>
              {d.consentLive && (
                <a href={`/api/documents/${s.versionId}`} className="text-brand-700 underline">
                  {t('documents.list.download')}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      {d.request && (
        <p className="text-sm text-amber-900" data-testid="open-request">
          {t('documents.materials.open', {
            kinds: joinList(
              t,
              d.request.kinds.map((k) => t(`documents.kinds.${k}`)),
            ),
            reason: d.request.reason,
          })}
        </p>
      )}
    </section>
  );
}

export function PledgedAssetsSection({ w, t }: { w: Workbench; t: Translate }) {
  if (w.assets.length === 0) return null;
  return (
    <section aria-labelledby="wb-assets" className={box}>
      <h2 id="wb-assets" className="font-semibold">
        {t('documents.workbench.assets')}
      </h2>
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm" data-testid="pledged-assets">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-2 py-1">
                {t('documents.workbench.number')}
              </th>
              <th scope="col" className="px-2 py-1">
                {t('documents.workbench.kind')}
              </th>
              <th scope="col" className="px-2 py-1">
                {t('documents.workbench.owners')}
              </th>
              <th scope="col" className="px-2 py-1">
                {t('documents.workbench.legalStatus')}
              </th>
              <th scope="col" className="px-2 py-1">
                {t('documents.workbench.expiry')}
              </th>
              <th scope="col" className="px-2 py-1">
                {t('documents.workbench.valuation')}
              </th>
            </tr>
          </thead>
          <tbody>
            {w.assets.map((a) => (
              <tr key={a.id} className="border-t border-slate-200">
                <td className="whitespace-nowrap px-2 py-1 font-mono">{a.number}</td>
                <td className="px-2 py-1">{t(`ipAssets.kinds.${a.kind}`)}</td>
                <td className="px-2 py-1">{joinList(t, a.owners)}</td>
                <td className="px-2 py-1">
                  {a.inForce ? t('documents.workbench.inForce') : t('documents.workbench.lapsed')} ·{' '}
                  {a.feesPaid ? t('documents.workbench.feesPaid') : t('documents.workbench.feesUnpaid')}
                </td>
                <td className={`px-2 py-1 ${a.outlastsMaturity ? '' : 'font-medium text-red-700'}`}>
                  {a.expiryDate ?? '—'} / {w.maturesOn}
                  {t('app.aside', { text: a.outlastsMaturity ? t('documents.workbench.outlasts') : t('documents.workbench.notOutlasts') })}
                </td>
                <td className="px-2 py-1">
                  {a.valuationHidden
                    ? t('needs.board.financialsHidden')
                    : a.valuationFen !== null
                      ? t('documents.workbench.valuationLine', {
                          amount: t('app.wan', { amount: formatWan(a.valuationFen) }),
                          appraiser: a.appraiser ?? '—',
                          date: a.valuedOn ?? '—',
                        })
                      : t('documents.workbench.noValuation')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
