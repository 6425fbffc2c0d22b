import { PublishWeightsForm } from '@/components/score/publish-weights-form';
import { getDb } from '@/db';
import { currentWeights } from '@/lib/innovation/views';
import { requirePageActor } from '@/lib/auth/session';
import { getT } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('weights');

export default async function WeightsPage() {
  const actor = await requirePageActor(['admin'], '/admin/weights');
  const t = await getT();
  const current = await currentWeights(await getDb(), actor);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t('score.weightsTitle')}</h1>
        <p className="text-slate-700">{t('score.weightsLead')}</p>
        {current && <p className="mt-2 font-medium">{t('score.currentVersion', { version: current.version, name: current.name })}</p>}
      </div>
      <PublishWeightsForm initial={{ name: '', weightsJson: JSON.stringify(current?.weights ?? {}, null, 2) }} />
    </div>
  );
}
