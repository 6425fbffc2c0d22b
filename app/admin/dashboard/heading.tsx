// The top of the dashboard, whether it shows the figures or says they are being computed: its title,
// what it is for, the filters, and what was wrong with the filters asked for.
import type { ReactNode } from 'react';
import type { Translate } from '@/lib/i18n/translate';

export function DashboardHeading({ t, filters, problems }: { t: Translate; filters: ReactNode; problems: string[] }) {
  return (
    <>
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t('figures.title')}</h1>
        <p className="max-w-4xl text-slate-700">{t('figures.lead')}</p>
      </div>
      {filters}
      {problems.length > 0 && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
    </>
  );
}
