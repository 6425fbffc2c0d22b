'use client';
// A link to a generated file (CSV, Excel, the monthly report). Large exports take seconds, so a
// plain click fetches the file while saying so (a status the screen reader reads), then saves it
// under the server's file name. Without script, or with a modifier key, it is an ordinary link.
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n-provider';

function fileName(disposition: string | null): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (star) return decodeURIComponent(star[1]);
  return /filename="?([^";]+)"?/i.exec(disposition ?? '')?.[1] ?? '';
}

export function ExportLink({ href, children, testId, className = 'text-brand-700 underline' }: { href: string; children: ReactNode; testId?: string; className?: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  return (
    <span className="inline-flex flex-col">
      <a
        href={href}
        className={className}
        data-testid={testId}
        aria-busy={state === 'busy'}
        onClick={async (e) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
          e.preventDefault();
          if (state === 'busy') return;
          setState('busy');
          try {
            const res = await fetch(href);
            if (!res.ok) throw new Error(`HTTP ${res.status}`);
            const url = URL.createObjectURL(await res.blob());
            const a = document.createElement('a');
            a.href = url;
            a.download = fileName(res.headers.get('content-disposition'));
            document.body.append(a);
            a.click();
            a.remove();
            setTimeout(() => URL.revokeObjectURL(url), 30_000);
            setState('idle');
          } catch {
            setState('failed');
          }
        }}
      >
        {children}
      </a>
      <span role="status" className="text-xs text-slate-600">
        {state === 'busy' ? t('progress.preparing') : ''}
      </span>
      {state === 'failed' && (
        <span role="alert" className="text-xs text-red-700">
          {t('progress.failed')}
        </span>
      )}
    </span>
  );
}
