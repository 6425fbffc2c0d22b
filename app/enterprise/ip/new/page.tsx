import Link from 'next/link';
import { IpAssetForm } from '@/components/enterprise/ip-asset-form';
import { requirePageActor } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { emptyIpAssetForm } from '@/lib/validation/ip-asset';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('newIpAsset');

export default async function NewIpAssetPage() {
  await requirePageActor(['enterprise'], '/enterprise/ip/new');
  const t = await getT();
  return (
    <div className="space-y-6">
      <nav aria-label="breadcrumb" className="text-sm">
        <Link href="/enterprise/ip" className="text-brand-700 underline">
          {t('ipAssets.back')}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">{t('ipAssets.newAsset')}</h1>
      <IpAssetForm initial={emptyIpAssetForm} />
    </div>
  );
}
