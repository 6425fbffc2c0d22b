import { NeedForm } from '@/components/needs/need-form';
import { getDb } from '@/db';
import { needAssetOptions } from '@/lib/needs/views';
import { requirePageActor } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { emptyNeedForm } from '@/lib/validation/need';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('newNeed');

export default async function NewNeedPage() {
  const actor = await requirePageActor(['enterprise'], '/enterprise/needs/new');
  const t = await getT();
  const assets = await needAssetOptions(await getDb(), actor);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('needs.newNeed')}</h1>
      <NeedForm initial={emptyNeedForm} assets={assets} />
    </div>
  );
}
