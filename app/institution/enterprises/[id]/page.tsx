import { notFound } from 'next/navigation';
import { ScoreBreakdown } from '@/components/score/score-breakdown';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { getLocale, getT } from '@/lib/i18n/server';
import { localParkName } from '@/lib/i18n/names';
import { isAppError } from '@/lib/core/errors';
import { enterpriseForReview } from '@/lib/enterprises/views';
import { formatWan } from '@/lib/core/money';
import { isUuid } from '@/lib/core/ids';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('institutionEnterprise');

/**
 * An institution reviewing an enterprise: public facts and the score breakdown. Financial values
 * (profile figures, score inputs) come only from scoreReport, which shows them under a live consent
 * and logs the access; without one the breakdown has points only.
 */
export default async function EnterpriseReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(['institution'], `/institution/enterprises/${id}`);
  if (!isUuid(id)) notFound();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const db = await getDb();
  const { row, report } = await enterpriseForReview(db, actor, id).catch((e) => {
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  });
  const f = report.financials;
  const e = row.enterprise;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{e.name}</h1>
        <p className="text-slate-700">
          {localParkName(row, locale)} · {t(`industries.${e.industry}`)} · {t(`verification.${e.verificationStatus}`)}
        </p>
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 className="font-semibold">{t('needs.board.financials')}</h2>
        <p className="mt-1 text-sm" data-testid="review-financials">
          {f
            ? `${t('needs.board.revenue')} ${formatWan(f.revenueFen)}${t('app.clauseSeparator')}${t('needs.board.rnd')} ${formatWan(f.rndExpenseFen)}${t('app.clauseSeparator')}${t('needs.board.ipValuation')} ${formatWan(f.ipValuationFen)}`
            : t('needs.board.financialsHidden')}
        </p>
      </section>
      {report.score ? (
        <>
          <p className="text-lg">
            {t('score.total')}
            {t('app.colon')}
            <strong>{report.score.total}</strong>
            {t('app.aside', { text: t(`score.stages.${report.score.stage}`) })}
          </p>
          <ScoreBreakdown score={report.score} t={t} />
        </>
      ) : (
        <p className="text-slate-700">{t('needs.board.noScore')}</p>
      )}
    </div>
  );
}
