// The dashboard while figures no instance has computed yet are being counted (lib/figures/cache.ts
// figureBatchOrNull): at a province's scale a selection nobody asked for before takes tens of
// seconds. The administrator keeps the filters, reads what is going on, and the page asks again every
// few seconds until the figures are there (each ask waits at most FIGURES_WAIT_MS on the server).
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { AutoRefresh } from '@/components/ui/auto-refresh';
import type { Translate } from '@/lib/i18n/translate';
import { DashboardHeading } from './heading';

const REFRESH_MS = 5_000;

export function DashboardComputing({ t, filters, problems, reloadHref }: { t: Translate; filters: ReactNode; problems: string[]; reloadHref: string }) {
  return (
    <div className="space-y-10">
      <DashboardHeading t={t} filters={filters} problems={problems} />
      <Alert tone="info" testId="dashboard-computing">
        <p>{t('figures.computing')}</p>
        <p className="mt-2">
          <Link href={reloadHref} prefetch={false} className="font-medium text-brand-700 underline">
            {t('figures.computingRefresh')}
          </Link>
        </p>
      </Alert>
      <AutoRefresh everyMs={REFRESH_MS} />
    </div>
  );
}
