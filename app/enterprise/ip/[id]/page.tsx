import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteIpAssetButton } from '@/components/enterprise/delete-ip-asset-button';
import { IpAssetForm } from '@/components/enterprise/ip-asset-form';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/core/errors';
import { getT } from '@/lib/i18n/server';
import { getOwnIpAsset } from '@/lib/ip/assets';
import { ipAssetToForm } from '@/lib/validation/ip-asset';
import { isUuid } from '@/lib/core/ids';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('editIpAsset');

export default async function IpAssetPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(['enterprise'], `/enterprise/ip/${id}`);
  if (!isUuid(id)) notFound();
  const t = await getT();
  const asset = await getOwnIpAsset(await getDb(), actor, id).catch((e) => {
    if (isAppError(e) && e.code === 'not_found') notFound();
    throw e;
  });
  return (
    <div className="space-y-6">
      <nav aria-label="breadcrumb" className="text-sm">
        <Link href="/enterprise/ip" className="text-brand-700 underline">
          {t('ipAssets.back')}
        </Link>
      </nav>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">
          {t('ipAssets.editAsset')} · {t(`ipAssets.kinds.${asset.kind}`)} <span className="font-mono">{asset.number}</span>
          {asset.livePledge && (
            <>
              {' · '}
              <span data-testid="ip-asset-status">{t('ipAssets.statuses.pledged')}</span>
            </>
          )}
        </h1>
        {!asset.livePledge && <DeleteIpAssetButton assetId={asset.id} />}
      </div>
      {asset.livePledge ? <p className="text-slate-700">{t('ipAssets.pledgedNotice')}</p> : <IpAssetForm assetId={asset.id} initial={ipAssetToForm(asset)} />}
    </div>
  );
}
