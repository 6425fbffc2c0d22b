'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useForm, type FieldValues, type UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { addCertificationAction, inviteColleagueAction, removeCertificationAction, updateProfileAction } from '@/app/enterprise/profile/actions';
import { CERTIFICATION_KINDS } from '@/lib/domain';
import { errorText, type Translate } from '@/lib/i18n/translate';
import { INDUSTRY_SECTIONS } from '@/lib/validation/common';
import { certificationFormSchema, inviteFormSchema, profileFormSchema, type CertificationFormInput, type InviteFormInput, type ProfileFormInput } from '@/lib/validation/profile';
import { applyServerErrors } from '../auth/use-server-errors';
import { useI18n } from '../i18n-provider';
import { buttonClass, Field, FormError, inputClass, secondaryButtonClass } from '../ui/field';

type Result = { ok: true; data: unknown } | { ok: false; error: string; fieldErrors?: Record<string, string> };

async function submit<T extends FieldValues>(run: () => Promise<Result>, setError: UseFormSetError<T>, t: Translate, setFormError: (s?: string) => void) {
  setFormError(undefined);
  const r = await run();
  if (r.ok) return r;
  const key = applyServerErrors(setError, r);
  if (key) setFormError(errorText(t, key));
  return null;
}

export function ProfileForm({ initial, parks }: { initial: ProfileFormInput; parks: { id: number; name: string }[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, formState, setError, getValues } = useForm<ProfileFormInput, unknown, z.output<typeof profileFormSchema>>({
    resolver: zodResolver(profileFormSchema),
    defaultValues: initial,
  });
  const e = formState.errors;
  const err = (m?: { message?: string }) => (m ? errorText(t, m.message) : undefined);
  return (
    <form
      noValidate
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      onSubmit={handleSubmit(async () => {
        setSaved(false);
        if (await submit(() => updateProfileAction(getValues()), setError, t, setFormError)) {
          setSaved(true);
          router.refresh();
        }
      })}
    >
      <FormError message={formError} />
      {saved && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {t('profile.saved')}
        </p>
      )}
      <Field id="name" label={t('register.enterpriseName')} error={err(e.name)}>
        <input className={inputClass} {...register('name')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="parkId" label={t('register.park')} error={err(e.parkId)}>
          <select className={inputClass} {...register('parkId')}>
            {parks.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="industry" label={t('register.industry')} error={err(e.industry)}>
          <select className={inputClass} {...register('industry')}>
            {INDUSTRY_SECTIONS.map((s) => (
              <option key={s} value={s}>
                {t(`industries.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="foundedOn" label={t('register.foundedOn')} error={err(e.foundedOn)}>
          <input type="date" className={inputClass} {...register('foundedOn')} />
        </Field>
        <Field id="registeredCapitalWan" label={t('register.registeredCapital')} error={err(e.registeredCapitalWan)}>
          <input inputMode="decimal" className={inputClass} {...register('registeredCapitalWan')} />
        </Field>
        <Field id="employees" label={t('register.employees')} error={err(e.employees)}>
          <input inputMode="numeric" className={inputClass} {...register('employees')} />
        </Field>
        <Field id="revenueWan" label={t('profile.revenue')} hint={t('profile.financialsHint')} error={err(e.revenueWan)}>
          <input inputMode="decimal" className={inputClass} {...register('revenueWan')} />
        </Field>
        <Field id="rndExpenseWan" label={t('profile.rnd')} hint={t('profile.financialsHint')} error={err(e.rndExpenseWan)}>
          <input inputMode="decimal" className={inputClass} {...register('rndExpenseWan')} />
        </Field>
      </div>
      <button type="submit" className={buttonClass} disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t('profile.saving') : t('profile.save')}
      </button>
    </form>
  );
}

export function CertificationForm() {
  const { t } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, formState, setError, getValues, reset } = useForm<CertificationFormInput, unknown, z.output<typeof certificationFormSchema>>({
    resolver: zodResolver(certificationFormSchema),
    defaultValues: { kind: '' as CertificationFormInput['kind'], number: '', validFrom: '', validTo: '' },
  });
  const e = formState.errors;
  const err = (m?: { message?: string }) => (m ? errorText(t, m.message) : undefined);
  return (
    <form
      noValidate
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-start"
      onSubmit={handleSubmit(async () => {
        if (await submit(() => addCertificationAction(getValues()), setError, t, setFormError)) {
          reset();
          router.refresh();
        }
      })}
    >
      <div className="sm:col-span-2 lg:col-span-5">
        <FormError message={formError} />
      </div>
      <Field id="cert-kind" label={t('profile.certKind')} error={err(e.kind)}>
        <select className={inputClass} {...register('kind')}>
          <option value="">{t('register.select')}</option>
          {CERTIFICATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`certifications.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="cert-number" label={t('profile.certNumber')} error={err(e.number)}>
        <input className={inputClass} {...register('number')} />
      </Field>
      <Field id="cert-from" label={t('profile.validFrom')} error={err(e.validFrom)}>
        <input type="date" className={inputClass} {...register('validFrom')} />
      </Field>
      <Field id="cert-to" label={t('profile.validTo')} error={err(e.validTo)}>
        <input type="date" className={inputClass} {...register('validTo')} />
      </Field>
      <div className="lg:pt-6">
        <button type="submit" className={buttonClass} disabled={formState.isSubmitting}>
          {t('profile.addCertification')}
        </button>
      </div>
    </form>
  );
}

export function RemoveCertificationButton({ id, label }: { id: string; label: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <span>
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={pending}
        aria-label={`${t('profile.remove')}：${label}`}
        onClick={() =>
          start(async () => {
            const r = await removeCertificationAction({ id });
            if (r.ok) router.refresh();
            else setError(errorText(t, r.error));
          })
        }
      >
        {t('profile.remove')}
      </button>
      {error && (
        <span role="alert" className="ml-2 text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}

export function InviteForm() {
  const { t } = useI18n();
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [link, setLink] = useState<{ name: string; url: string }>();
  const { register, handleSubmit, formState, setError, getValues, reset } = useForm<InviteFormInput, unknown, z.output<typeof inviteFormSchema>>({
    resolver: zodResolver(inviteFormSchema),
    defaultValues: { name: '', email: '', memberRole: 'officer' },
  });
  const e = formState.errors;
  const err = (m?: { message?: string }) => (m ? errorText(t, m.message) : undefined);
  return (
    <div className="space-y-3">
      <form
        noValidate
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-start"
        onSubmit={handleSubmit(async () => {
          const name = getValues('name');
          const r = await submit(() => inviteColleagueAction(getValues()), setError, t, setFormError);
          if (r) {
            setLink({ name, url: `${window.location.origin}${(r.data as { link: string }).link}` });
            reset();
            router.refresh();
          }
        })}
      >
        <div className="sm:col-span-2 lg:col-span-4">
          <FormError message={formError} />
        </div>
        <Field id="inv-name" label={t('profile.inviteName')} error={err(e.name)}>
          <input className={inputClass} {...register('name')} />
        </Field>
        <Field id="inv-email" label={t('profile.inviteEmail')} error={err(e.email)}>
          <input type="email" className={inputClass} {...register('email')} />
        </Field>
        <Field id="inv-role" label={t('profile.memberRole')} error={err(e.memberRole)}>
          <select className={inputClass} {...register('memberRole')}>
            <option value="officer">{t('memberRoles.officer')}</option>
            <option value="owner">{t('memberRoles.owner')}</option>
          </select>
        </Field>
        <div className="lg:pt-6">
          <button type="submit" className={buttonClass} disabled={formState.isSubmitting}>
            {t('profile.invite')}
          </button>
        </div>
      </form>
      {link && (
        <div role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          <p>{t('profile.inviteLink', { name: link.name })}</p>
          <p className="mt-1 break-all font-mono" data-testid="invite-link">
            {link.url}
          </p>
        </div>
      )}
    </div>
  );
}
