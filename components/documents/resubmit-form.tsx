'use client';
// 补充材料: the enterprise ticks the vault documents to share and submits the application again.
import Link from 'next/link';
import { resubmitApplicationAction } from '@/app/enterprise/applications/actions';
import { useI18n } from '@/components/i18n-provider';
import { Alert } from '@/components/ui/alert';
import { buttonClass, FieldError } from '@/components/ui/field';
import { useActionForm } from '@/components/ui/use-action-form';
import { resubmitApplicationSchema } from '@/lib/validation/application';

export function ResubmitForm({
  applicationId,
  documents,
  vaultHref,
}: {
  applicationId: string;
  documents: { id: string; label: string; checked: boolean }[];
  /** The vault, opened on the kind asked for, with the way back here (lib/documents/vault-link.ts). */
  vaultHref: string;
}) {
  const { t } = useI18n();
  const { form, onSubmit, formError, fieldError, pending } = useActionForm(resubmitApplicationSchema, resubmitApplicationAction, {
    defaultValues: { applicationId, documentIds: documents.filter((d) => d.checked).map((d) => d.id) },
  });
  const documentsError = fieldError('documentIds');
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg border border-amber-300 bg-white p-4" aria-labelledby="resubmit-title">
      <h2 id="resubmit-title" className="font-semibold">
        {t('documents.materials.resubmit')}
      </h2>
      <p className="text-sm text-slate-700">
        {t('documents.materials.resubmitLead')}{' '}
        <Link href={vaultHref} className="text-brand-700 underline" data-testid="resubmit-vault-link">
          {t('documents.share.uploadMissing')}
        </Link>
      </p>
      <fieldset className="space-y-1" aria-describedby={documentsError ? 'resubmit-documents-error' : undefined}>
        <legend className="text-sm font-medium">{t('documents.share.title')}</legend>
        {documents.map((d) => (
          <label key={d.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" value={d.id} defaultChecked={d.checked} {...form.register('documentIds')} />
            {d.label}
          </label>
        ))}
        <FieldError id="resubmit-documents-error" message={documentsError} />
      </fieldset>
      <Alert>{formError}</Alert>
      <button type="submit" className={buttonClass} disabled={pending}>
        {t('documents.materials.resubmit')}
      </button>
    </form>
  );
}
