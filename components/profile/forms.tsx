'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { addCertificationAction, inviteColleagueAction, removeCertificationAction, updateProfileAction } from '@/app/enterprise/profile/actions';
import { CERTIFICATION_KINDS } from '@/lib/core/domain';
import { errorText } from '@/lib/i18n/translate';
import { INDUSTRY_SECTIONS } from '@/lib/validation/common';
import { certificationFormSchema, inviteFormSchema, profileFormSchema, type CertificationFormInput, type ProfileFormInput } from '@/lib/validation/profile';
import { useI18n } from '../i18n-provider';
import { Alert } from '../ui/alert';
import { buttonClass, Field, inputClass, secondaryButtonClass } from '../ui/field';
import { useActionForm } from '../ui/use-action-form';

/** `identityLocked`: a verified enterprise's licence name and founding date are read-only (lib/enterprises/profile.ts). */
export function ProfileForm({
  initial,
  parks,
  identityLocked = false,
}: {
  initial: ProfileFormInput;
  parks: { id: number; name: string }[];
  identityLocked?: boolean;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const { form, onSubmit, formError, success, fieldError, pending } = useActionForm(profileFormSchema, updateProfileAction, {
    defaultValues: initial,
    onSuccess: () => {
      router.refresh();
      return t('profile.saved');
    },
  });
  const { register } = form;
  return (
    <form noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" onSubmit={onSubmit}>
      <Alert>{formError}</Alert>
      <Alert tone="success">{success}</Alert>
      <Field id="name" label={t('register.enterpriseName')} hint={identityLocked ? t('profile.identityLocked') : undefined} error={fieldError('name')}>
        <input className={inputClass} readOnly={identityLocked} {...register('name')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="parkId" label={t('register.park')} error={fieldError('parkId')}>
          <select className={inputClass} {...register('parkId')}>
            {parks.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="industry" label={t('register.industry')} error={fieldError('industry')}>
          <select className={inputClass} {...register('industry')}>
            {INDUSTRY_SECTIONS.map((s) => (
              <option key={s} value={s}>
                {t(`industries.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="foundedOn" label={t('register.foundedOn')} error={fieldError('foundedOn')}>
          <input type="date" className={inputClass} readOnly={identityLocked} {...register('foundedOn')} />
        </Field>
        <Field id="registeredCapitalWan" label={t('register.registeredCapital')} error={fieldError('registeredCapitalWan')}>
          <input inputMode="decimal" className={inputClass} {...register('registeredCapitalWan')} />
        </Field>
        <Field id="employees" label={t('register.employees')} error={fieldError('employees')}>
          <input inputMode="numeric" className={inputClass} {...register('employees')} />
        </Field>
        <Field id="revenueWan" label={t('profile.revenue')} hint={t('profile.financialsHint')} error={fieldError('revenueWan')}>
          <input inputMode="decimal" className={inputClass} {...register('revenueWan')} />
        </Field>
        <Field id="rndExpenseWan" label={t('profile.rnd')} hint={t('profile.financialsHint')} error={fieldError('rndExpenseWan')}>
          <input inputMode="decimal" className={inputClass} {...register('rndExpenseWan')} />
        </Field>
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? t('profile.saving') : t('profile.save')}
      </button>
    </form>
  );
}

export function CertificationForm() {
  const { t } = useI18n();
  const router = useRouter();
  const { form, onSubmit, formError, fieldError, pending } = useActionForm(certificationFormSchema, addCertificationAction, {
    defaultValues: { kind: '' as CertificationFormInput['kind'], number: '', validFrom: '', validTo: '' },
    onSuccess: () => {
      form.reset();
      router.refresh();
    },
  });
  const { register } = form;
  return (
    <form noValidate className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-start" onSubmit={onSubmit}>
      <div className="sm:col-span-2 lg:col-span-5">
        <Alert>{formError}</Alert>
      </div>
      <Field id="cert-kind" label={t('profile.certKind')} error={fieldError('kind')}>
        <select className={inputClass} {...register('kind')}>
          <option value="">{t('register.select')}</option>
          {CERTIFICATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`certifications.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="cert-number" label={t('profile.certNumber')} error={fieldError('number')}>
        <input className={inputClass} {...register('number')} />
      </Field>
      <Field id="cert-from" label={t('profile.validFrom')} error={fieldError('validFrom')}>
        <input type="date" className={inputClass} {...register('validFrom')} />
      </Field>
      <Field id="cert-to" label={t('profile.validTo')} error={fieldError('validTo')}>
        <input type="date" className={inputClass} {...register('validTo')} />
      </Field>
      <div className="lg:pt-6">
        <button type="submit" className={buttonClass} disabled={pending}>
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
        aria-label={`${t('profile.remove')}${t('app.colon')}${label}`}
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
  const [link, setLink] = useState<{ name: string; url: string }>();
  const { form, onSubmit, formError, fieldError, pending } = useActionForm(inviteFormSchema, inviteColleagueAction, {
    defaultValues: { name: '', email: '', memberRole: 'officer' },
    onSuccess: (data, values) => {
      setLink({ name: values.name, url: `${window.location.origin}${data.link}` });
      form.reset();
      router.refresh();
    },
  });
  const { register } = form;
  return (
    <div className="space-y-3">
      <form noValidate className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-start" onSubmit={onSubmit}>
        <div className="sm:col-span-2 lg:col-span-4">
          <Alert>{formError}</Alert>
        </div>
        <Field id="inv-name" label={t('profile.inviteName')} error={fieldError('name')}>
          <input className={inputClass} {...register('name')} />
        </Field>
        <Field id="inv-email" label={t('profile.inviteEmail')} error={fieldError('email')}>
          <input type="email" className={inputClass} {...register('email')} />
        </Field>
        <Field id="inv-role" label={t('profile.memberRole')} error={fieldError('memberRole')}>
          <select className={inputClass} {...register('memberRole')}>
            <option value="officer">{t('memberRoles.officer')}</option>
            <option value="owner">{t('memberRoles.owner')}</option>
          </select>
        </Field>
        <div className="lg:pt-6">
          <button type="submit" className={buttonClass} disabled={pending}>
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
