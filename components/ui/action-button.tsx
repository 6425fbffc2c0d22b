'use client';
// One button that runs one server action: optional confirmation, pending state, the error in the
// user's language next to it, and a refresh (or a move) when it worked.
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { errorText } from '@/lib/i18n/translate';
import { useI18n } from '../i18n-provider';
import { secondaryButtonClass } from './field';

export interface ActionButtonProps {
  label: string;
  run: () => Promise<{ ok: true } | { ok: false; error: string }>;
  confirm?: string;
  ariaLabel?: string;
  /** Where to go after success; default: refresh the current page. */
  then?: string;
  /** The id of an element to move the focus to after success, when the button itself goes away with what it acted on. */
  focusAfter?: string;
  className?: string;
}

export function ActionButton({ label, run, confirm, ariaLabel, then, focusAfter, className = secondaryButtonClass }: ActionButtonProps) {
  const { t } = useI18n();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button
        type="button"
        className={className}
        disabled={pending}
        aria-label={ariaLabel}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          setError(undefined);
          start(async () => {
            const r = await run();
            if (!r.ok) return setError(errorText(t, r.error));
            if (then) router.push(then);
            router.refresh();
            if (focusAfter) document.getElementById(focusAfter)?.focus();
          });
        }}
      >
        {label}
      </button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
