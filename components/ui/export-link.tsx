'use client';
// Links and forms that answer with a generated file (CSV, Excel, the monthly report). Large exports
// take seconds, so a plain click fetches the file while saying so (a status the screen reader
// reads), then saves it under the server's file name. Without script, or with a modifier key, they
// are an ordinary link or GET form.
import { useState, type FormEvent, type MouseEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n-provider';

function fileName(disposition: string | null): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (star) return decodeURIComponent(star[1]);
  return /filename="?([^";]+)"?/i.exec(disposition ?? '')?.[1] ?? '';
}

function useDownload() {
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  async function download(href: string) {
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
  }
  return { state, download };
}

function Progress({ state }: { state: 'idle' | 'busy' | 'failed' }) {
  const { t } = useI18n();
  return (
    <>
      <span role="status" className="text-xs text-slate-600">
        {state === 'busy' ? t('progress.preparing') : ''}
      </span>
      {state === 'failed' && (
        <span role="alert" className="text-xs text-red-700">
          {t('progress.failed')}
        </span>
      )}
    </>
  );
}

const plainClick = (e: MouseEvent) => !(e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0);

export function ExportLink({
  href,
  children,
  testId,
  className = 'text-brand-700 underline',
}: {
  href: string;
  children: ReactNode;
  testId?: string;
  className?: string;
}) {
  const { state, download } = useDownload();
  return (
    <span className="inline-flex flex-col">
      <a
        href={href}
        className={className}
        data-testid={testId}
        aria-busy={state === 'busy'}
        onClick={(e) => {
          if (!plainClick(e)) return;
          e.preventDefault();
          void download(href);
        }}
      >
        {children}
      </a>
      <Progress state={state} />
    </span>
  );
}

/** A GET form whose submit buttons (name/value) pick the format. */
export function ExportForm({ action, children, className }: { action: string; children: ReactNode; className?: string }) {
  const { state, download } = useDownload();
  return (
    <form
      method="get"
      action={action}
      className={className}
      aria-busy={state === 'busy'}
      onSubmit={(e: FormEvent<HTMLFormElement>) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
        const query = new URLSearchParams([...data.entries()].map(([k, v]) => [k, String(v)]));
        void download(`${action}?${query}`);
      }}
    >
      {children}
      <Progress state={state} />
    </form>
  );
}
