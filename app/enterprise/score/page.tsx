import { InputsForm } from '@/components/score/inputs-form';
import { ScoreBreakdown, WhatIfList } from '@/components/score/score-breakdown';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { formatZoneDateTime } from '@/lib/core/dates';
import { getLocale, getT } from '@/lib/i18n/server';
import { currentPeriod } from '@/lib/innovation/service';
import { enterpriseScorePage } from '@/lib/innovation/views';
import { withProfileFinancials, zeroInnovationInputs } from '@/lib/innovation/profile-indicators';
import { inputsToForm } from '@/lib/validation/innovation';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('score');

export default async function ScorePage() {
  const actor = await requirePageActor(['enterprise'], '/enterprise/score');
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const db = await getDb();
  const { report, history } = await enterpriseScorePage(db, actor);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('score.title')}</h1>
        <p className="text-slate-700">{t('score.lead')}</p>
      </div>
      {report.score ? (
        <>
          <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
            <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <dt className="text-sm text-slate-600">{t('score.total')}</dt>
              <dd className="text-3xl font-bold text-brand-700" data-testid="score-total">
                {report.score.total}
              </dd>
            </div>
            <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <dt className="text-sm text-slate-600">{t('score.stage')}</dt>
              <dd className="text-xl font-semibold">{t(`score.stages.${report.score.stage}`)}</dd>
            </div>
            <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <dt className="text-sm text-slate-600">{t('score.period')}</dt>
              <dd className="text-xl font-semibold">{report.period}</dd>
            </div>
            <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <dt className="text-sm text-slate-600">{t('score.weightSet', { version: report.weightSetVersion ?? '' })}</dt>
            </div>
          </dl>
          <section aria-labelledby="whatif" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="whatif" className="mb-2 font-semibold">
              {t('score.whatIf')}
            </h2>
            <WhatIfList steps={report.whatIf} t={t} />
          </section>
          <ScoreBreakdown score={report.score} t={t} />
        </>
      ) : (
        <p className="text-slate-700">{t('score.none')}</p>
      )}
      <section aria-labelledby="inputs" className="space-y-3">
        <h2 id="inputs" className="text-lg font-semibold">
          {t('score.inputs', { period: report.period ?? currentPeriod() })}
        </h2>
        <InputsForm initial={inputsToForm(report.inputs ?? (report.financials ? withProfileFinancials(zeroInnovationInputs(), report.financials) : null))} />
      </section>
      {history.length > 0 && (
        <section aria-labelledby="history">
          <h2 id="history" className="mb-2 text-lg font-semibold">
            {t('score.history')}
          </h2>
          <table className="min-w-full rounded-lg border border-slate-200 bg-white text-sm">
            <thead className="bg-slate-100 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t('score.computedAt')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('score.period')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('score.stage')}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t('score.total')}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t('score.weight')}
                </th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={String(h.id)} className="border-t border-slate-200">
                  <td className="px-3 py-1.5">{formatZoneDateTime(h.computedAt, locale)}</td>
                  <td className="px-3 py-1.5">{h.period}</td>
                  <td className="px-3 py-1.5">{t(`score.stages.${h.stage}`)}</td>
                  <td className="px-3 py-1.5 text-right">{h.total}</td>
                  <td className="px-3 py-1.5 text-right">v{h.weightSetVersion}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
