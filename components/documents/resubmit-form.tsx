'use client';
// 补充材料: the enterprise ticks the vault documents to share and submits the application again.
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { resubmitApplicationAction } from '@/app/enterprise/applications/actions';
import { useI18n } from '@/components/i18n-provider';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/field';
import { errorText } from '@/lib/i18n/translate';

export function ResubmitForm({ applicationId, documents }: { applicationId: string; documents: { id: string; label: string; checked: boolean }[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const documentIds = new FormData(e.currentTarget).getAll('documentIds').map(String);
    start(async () => {
      const r = await resubmitApplicationAction({ applicationId, documentIds });
      if (r.ok) {
        setError(undefined);
        router.refresh();
      } else setError(errorText(t, r.error));
    });
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded-lg border border-amber-300 bg-white p-4" aria-labelledby="resubmit-title">
      <h2 id="resubmit-title" className="font-semibold">
        {t('documents.materials.resubmit')}
      </h2>
      <p className="text-sm text-slate-700">{t('documents.materials.resubmitLead')}</p>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t('documents.share.title')}</legend>
        {documents.map((d) => (
          <label key={d.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="documentIds" value={d.id} defaultChecked={d.checked} />
            {d.label}
          </label>
        ))}
      </fieldset>
      <Alert>{error}</Alert>
      <button type="submit" className={buttonClass} disabled={pending}>
        {t('documents.materials.resubmit')}
      </button>
    </form>
  );
}
