'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { saveInnovationInputsAction } from '@/app/enterprise/score/actions';
import { errorText } from '@/lib/i18n/translate';
import { isProfileIndicator } from '@/lib/innovation/profile-indicators';
import { INDICATOR_GROUPS, INDICATOR_UNITS } from '@/lib/innovation/weights';
import { innovationInputsFormSchema, type InnovationInputsFormInput } from '@/lib/validation/innovation';
import { applyServerErrors } from '../auth/use-server-errors';
import { useI18n } from '../i18n-provider';
import { buttonClass, Field, FormError, inputClass } from '../ui/field';

export function InputsForm({ initial }: { initial: InnovationInputsFormInput }) {
  const { t } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, formState, setError, getValues } = useForm<InnovationInputsFormInput>({
    resolver: zodResolver(innovationInputsFormSchema) as never,
    defaultValues: initial,
  });
  async function onSubmit() {
    setFormError(undefined);
    setSaved(false);
    const r = await saveInnovationInputsAction(getValues());
    if (r.ok) {
      setSaved(true);
      router.refresh();
      return;
    }
    const key = applyServerErrors(setError, r);
    if (key) setFormError(errorText(t, key));
  }
  const e = formState.errors;
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
      <FormError message={formError} />
      {saved && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {t('score.saved')}
        </p>
      )}
      {(Object.keys(INDICATOR_GROUPS) as (keyof typeof INDICATOR_GROUPS)[]).map((g) => (
        <fieldset key={g} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 font-semibold">{t(`score.groups.${g}`)}</legend>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {INDICATOR_GROUPS[g].map((k) => {
              const unit = t(`score.units.${INDICATOR_UNITS[k]}`);
              // Revenue and R&D expense are entered once, in the profile: shown here, not typed again.
              const fromProfile = isProfileIndicator(k);
              return (
                <Field key={k} id={`in-${k}`} label={`${t(`score.indicators.${k}`)}${unit ? `（${unit}）` : ''}`} hint={fromProfile ? t('score.fromProfile') : undefined} error={e[k] ? errorText(t, e[k]?.message) : undefined}>
                  <input inputMode="decimal" readOnly={fromProfile} className={`${inputClass}${fromProfile ? ' bg-slate-100' : ''}`} {...register(k)} />
                </Field>
              );
            })}
          </div>
        </fieldset>
      ))}
      <button type="submit" className={buttonClass} disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t('score.saving') : t('score.save')}
      </button>
    </form>
  );
}
