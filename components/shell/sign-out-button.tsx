'use client';
import { signOut } from 'next-auth/react';
import { useI18n } from '../i18n-provider';

export function SignOutButton() {
  const { t } = useI18n();
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: '/' })} className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
      {t('nav.signOut')}
    </button>
  );
}
