'use client';
// Uploads one file to /api/documents as a streamed multipart body: the fields first, then the
// file (the route reads them in that order). The server checks the type and size; its message,
// in the user's language, is shown here. Not useActionForm (a server action cannot take a stream),
// but shown the same way: the error under its field (FieldError through Field) or in the Alert.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useI18n } from '@/components/i18n-provider';
import { Alert } from '@/components/ui/alert';
import { buttonClass, Field, inputClass } from '@/components/ui/field';
import { documentLabel } from '@/lib/documents/format';
import { DOCUMENT_KINDS, DOCUMENT_TITLE_MAX, IP_DOCUMENT_KINDS, type DocumentKindCode } from '@/lib/validation/document';

export function UploadForm({
  ipAssets,
  initialKind = 'financial_statement',
}: {
  ipAssets: { id: string; number: string; title: string }[];
  /** The kind a page asked for (lib/documents/vault-link.ts). */
  initialKind?: DocumentKindCode;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [kind, setKind] = useState<DocumentKindCode>(initialKind);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string; field?: string | null } | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    // A 其他材料 needs its name: said before the file is sent, not after (the server checks it too).
    const title = form.elements.namedItem('title');
    if (kind === 'other' && title instanceof HTMLInputElement && title.value.trim() === '') {
      setResult({ ok: false, text: t('documents.errors.name_required'), field: 'title' });
      title.focus();
      return;
    }
    setBusy(true);
    setResult(null);
    // Which document the file becomes a version of, as the vault lists it (2025 财务报表, 其他材料 · 设备采购合同).
    const fields = new FormData(form);
    const asset = form.elements.namedItem('ipAssetId');
    const document = documentLabel(t, {
      kind,
      year: kind === 'financial_statement' ? Number(fields.get('year')) || null : null,
      title: kind === 'other' ? String(fields.get('title') ?? '').trim() : null,
      ipNumber: asset instanceof HTMLSelectElement && asset.value ? (ipAssets.find((a) => a.id === asset.value)?.number ?? null) : null,
    });
    try {
      const res = await fetch('/api/documents', { method: 'POST', body: fields });
      const body = (await res.json()) as { ok: boolean; error?: string; field?: string | null; version?: { version: number; originalName: string } };
      if (body.ok && body.version) {
        setResult({ ok: true, text: t('documents.upload.done', { name: body.version.originalName, document, version: body.version.version }) });
        // The kind stays as chosen (several 其他材料 in a row); the other fields start afresh.
        form.reset();
        router.refresh();
      } else {
        // As useActionForm does: the error under its field, with the focus there; an error of a field
        // the form does not show goes in the form's message.
        const control = body.field ? form.elements.namedItem(body.field) : null;
        setResult({ ok: false, text: body.error ?? t('errors.generic'), field: control ? body.field : null });
        if (control instanceof HTMLElement) control.focus();
      }
    } catch {
      setResult({ ok: false, text: t('errors.generic') });
    } finally {
      setBusy(false);
    }
  }

  const err = (f: string) => (result && !result.ok && result.field === f ? result.text : undefined);
  return (
    <form
      onSubmit={onSubmit}
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      aria-labelledby="upload-title"
      data-testid="upload-form"
    >
      <h2 id="upload-title" className="text-lg font-semibold">
        {t('documents.upload.title')}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="doc-kind" label={t('documents.upload.kind')} error={err('kind')}>
          <select name="kind" className={inputClass} value={kind} onChange={(e) => setKind(e.target.value as DocumentKindCode)}>
            {DOCUMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`documents.kinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        {kind === 'financial_statement' && (
          <Field id="doc-year" label={t('documents.upload.year')} error={err('year')}>
            <input name="year" inputMode="numeric" className={inputClass} defaultValue={String(new Date().getFullYear() - 1)} />
          </Field>
        )}
        {IP_DOCUMENT_KINDS.includes(kind) && (
          <Field id="doc-asset" label={t('documents.upload.ipAsset')} error={err('ipAssetId')}>
            <select name="ipAssetId" className={inputClass} defaultValue="">
              <option value="">{t('documents.upload.ipAssetNone')}</option>
              {ipAssets.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.number} · {a.title}
                </option>
              ))}
            </select>
          </Field>
        )}
        {kind === 'other' && (
          <Field id="doc-title" label={t('documents.upload.name')} hint={t('documents.upload.nameHint')} error={err('title')}>
            <input name="title" className={inputClass} maxLength={DOCUMENT_TITLE_MAX} autoComplete="off" />
          </Field>
        )}
        <Field id="doc-expires" label={t('documents.upload.expiresOn')} hint={t('documents.upload.expiresHint')} error={err('expiresOn')}>
          <input name="expiresOn" type="date" className={inputClass} />
        </Field>
      </div>
      <Field id="doc-file" label={t('documents.upload.file')} hint={t('documents.upload.fileHint')} error={err('file')}>
        <input
          name="file"
          type="file"
          required
          accept=".pdf,.jpg,.jpeg,.png,.xlsx,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className={inputClass}
        />
      </Field>
      <Alert tone={result?.ok ? 'success' : 'error'} testId="upload-result">
        {result && (result.ok || !result.field) ? result.text : null}
      </Alert>
      <button type="submit" className={buttonClass} disabled={busy}>
        {busy ? t('documents.upload.uploading') : t('documents.upload.submit')}
      </button>
    </form>
  );
}
