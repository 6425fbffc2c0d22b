'use client';
// Disable / enable one account, end its sessions everywhere (强制下线), and make a one-time
// password-reset link shown to the admin once.
import { useState, useTransition } from 'react';
import { issuePasswordResetAction, setUserStatusAction, signOutEverywhereAction } from '@/app/admin/users/actions';
import { formatZoneDateTime } from '@/lib/core/dates';
import { errorText } from '@/lib/i18n/translate';
import { useI18n } from '../i18n-provider';
import { secondaryButtonClass } from '../ui/field';

export function UserAccountActions({
  userId,
  name,
  email,
  status,
  isSelf,
}: {
  userId: string;
  name: string;
  email: string;
  status: 'active' | 'disabled';
  isSelf: boolean;
}) {
  const { t, locale } = useI18n();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  const [reset, setReset] = useState<{ url: string; expiresAt: string }>();
  const [copied, setCopied] = useState(false);
  const [signedOut, setSignedOut] = useState(false);
  const action = status === 'active' ? 'disable' : 'enable';
  const linkId = `reset-link-${userId}`;

  function toggle() {
    setError(undefined);
    start(async () => {
      const r = await setUserStatusAction({ userId, action });
      if (!r.ok) setError(errorText(t, r.error));
    });
  }

  function signOutAll() {
    setError(undefined);
    setSignedOut(false);
    start(async () => {
      const r = await signOutEverywhereAction({ userId });
      if (r.ok) setSignedOut(true);
      else setError(errorText(t, r.error));
    });
  }

  function issue() {
    setError(undefined);
    setCopied(false);
    start(async () => {
      const r = await issuePasswordResetAction({ userId });
      if (r.ok) setReset({ url: `${window.location.origin}${r.data.link}`, expiresAt: r.data.expiresAt });
      else setError(errorText(t, r.error));
    });
  }

  async function copy() {
    if (!reset) return;
    try {
      await navigator.clipboard.writeText(reset.url);
      setCopied(true);
    } catch {
      // No clipboard (e.g. plain http): the link stays selectable in the box.
      document.getElementById(linkId)?.focus();
    }
  }

  return (
    <div className="flex max-w-md flex-col items-start gap-2">
      <div className="flex flex-wrap gap-2">
        {!(isSelf && action === 'disable') && (
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={pending}
            aria-label={`${t(`oversight.users.${action}`)}${t('app.colon')}${email}`}
            onClick={toggle}
          >
            {t(`oversight.users.${action}`)}
          </button>
        )}
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={pending}
          aria-label={`${t('sessions.signOutEverywhere')}${t('app.colon')}${email}`}
          onClick={signOutAll}
        >
          {t('sessions.signOutEverywhere')}
        </button>
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={pending}
          aria-label={`${t('oversight.users.issueReset')}${t('app.colon')}${email}`}
          onClick={issue}
        >
          {t('oversight.users.issueReset')}
        </button>
      </div>
      <p role="status" className="text-sm text-green-800">
        {signedOut ? t('sessions.signedOut', { email }) : ''}
      </p>
      {reset && (
        <div className="w-full rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="reset-link-box">
          <label htmlFor={linkId} className="block font-medium">
            {t('oversight.users.resetLinkTitle', { name })}
          </label>
          <input
            id={linkId}
            readOnly
            value={reset.url}
            onFocus={(e) => e.currentTarget.select()}
            className="mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
            data-testid="reset-link"
          />
          <p className="mt-1 text-slate-700">{t('oversight.users.resetLinkHint', { time: formatZoneDateTime(new Date(reset.expiresAt), locale) })}</p>
          <button type="button" className={`${secondaryButtonClass} mt-2`} onClick={copy}>
            {t('oversight.users.copy')}
          </button>
          <span role="status" className="ml-2 text-green-800">
            {copied ? t('oversight.users.copied') : ''}
          </span>
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
