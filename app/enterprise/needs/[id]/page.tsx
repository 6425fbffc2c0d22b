import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NeedForm } from '@/components/needs/need-form';
import { WithdrawNeedButton } from '@/components/needs/withdraw-need-button';
import { FulfilNeedButton } from '@/components/needs/fulfil-need-button';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/core/errors';
import { getT } from '@/lib/i18n/server';
import { formatWan } from '@/lib/core/money';
import { matchesForNeed } from '@/lib/matching/service';
import { needToForm } from '@/lib/validation/need';
import { NeedMatches } from './matches';
import { isUuid } from '@/lib/core/ids';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('need');

export default async function NeedPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ fits?: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(['enterprise'], `/enterprise/needs/${id}`);
  if (!isUuid(id)) notFound();
  const [t, db, query] = await Promise.all([getT(), getDb(), searchParams]);
  const allFits = query.fits === 'all';
  // One read for the whole page: the need, the interests, the ranked fits, the form's asset options.
  const view = await matchesForNeed(db, actor, id, { allFits }).catch((e) => {
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  });
  const { need, assetOptions: assets } = view;
  const live = need.status === 'open' || need.status === 'matched';
  const disbursed = t('app.wan', { amount: formatWan(view.disbursedFen) });
  return (
    <div className="space-y-6">
      <nav aria-label="breadcrumb" className="text-sm">
        <Link href="/enterprise/needs" className="text-brand-700 underline">
          {t('needs.myNeeds')}
        </Link>
      </nav>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">
          {t('needs.needTitle')} · {t('app.wan', { amount: formatWan(need.amountFen) })} ·{' '}
          <span data-testid="need-status">{t(`needs.statuses.${need.status}`)}</span>
        </h1>
        {live && (
          <div className="flex flex-wrap gap-2">
            {view.disbursedFen > 0n && <FulfilNeedButton needId={need.id} disbursed={disbursed} />}
            <WithdrawNeedButton needId={need.id} />
          </div>
        )}
      </div>
      {/* A loan from the need came in below its amount: the enterprise decides whether that was enough. */}
      {live && view.disbursedFen > 0n && (
        <p className="text-sm text-slate-700" data-testid="need-disbursed">
          {t('needs.fulfilLead', { amount: disbursed, need: t('app.wan', { amount: formatWan(need.amountFen) }) })}
        </p>
      )}
      {/* What the enterprise came for first: who is interested and which products fit. */}
      <NeedMatches view={view} />
      {need.status === 'open' ? (
        <details className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <summary className="cursor-pointer font-semibold text-brand-700">{t('needs.editSection')}</summary>
          <div className="mt-4">
            <NeedForm needId={need.id} initial={needToForm({ ...need, ipAssetIds: need.assets.map((a) => a.id) })} assets={assets} />
          </div>
        </details>
      ) : (
        <p className="text-slate-700">{t('needs.errors.not_open')}</p>
      )}
    </div>
  );
}
