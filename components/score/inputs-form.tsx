'use client';
import { useRouter } from 'next/navigation';
import { saveInnovationInputsAction } from '@/app/enterprise/score/actions';
import { isProfileIndicator } from '@/lib/innovation/profile-indicators';
import { INDICATOR_GROUPS, INDICATOR_UNITS } from '@/lib/innovation/weights';
import { innovationInputsFormSchema, type InnovationInputsFormInput } from '@/lib/validation/innovation';
import { useI18n } from '../i18n-provider';
import { Alert } from '../ui/alert';
import { buttonClass, Field, inputClass } from '../ui/field';
import { useActionForm } from '../ui/use-action-form';

export function InputsForm({ initial }: { initial: InnovationInputsFormInput }) {
  const { t } = useI18n();
  const router = useRouter();
  const { form, onSubmit, formError, success, fieldError, pending } = useActionForm(innovationInputsFormSchema, saveInnovationInputsAction, {
    defaultValues: initial,
    onSuccess: () => {
      router.refresh();
      return t('score.saved');
    },
  });
  const { register } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <Alert>{formError}</Alert>
      <Alert tone="success">{success}</Alert>
      {(Object.keys(INDICATOR_GROUPS) as (keyof typeof INDICATOR_GROUPS)[]).map((g) => (
        <fieldset key={g} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 font-semibold">{t(`score.groups.${g}`)}</legend>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {INDICATOR_GROUPS[g].map((k) => {
              const unit = INDICATOR_UNITS[k] === 'count' ? t(`score.countUnits.${k}`) : t(`score.units.${INDICATOR_UNITS[k]}`);
              // Revenue and R&D expense are entered once, in the profile, and their ratio follows from them: shown here, not typed again.
              const fromProfile = isProfileIndicator(k);
              return (
                <Field
                  key={k}
                  id={`in-${k}`}
                  label={`${t(`score.indicators.${k}`)}${unit ? t('app.aside', { text: unit }) : ''}`}
                  hint={fromProfile ? t(k === 'rnd_ratio' ? 'score.ratioFromProfile' : 'score.fromProfile') : undefined}
                  error={fieldError(k)}
                >
                  <input inputMode="decimal" readOnly={fromProfile} className={`${inputClass}${fromProfile ? ' bg-slate-100' : ''}`} {...register(k)} />
                </Field>
              );
            })}
          </div>
        </fieldset>
      ))}
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? t('score.saving') : t('score.save')}
      </button>
    </form>
  );
}
