// One message box for a form's or a page's outcome. Errors are an alert (read out at once); success
// and notices are a status (read out politely); an element with role alert is announced when it
// appears. Nothing is rendered when there is nothing to say.
import type { ReactNode } from 'react';

const TONES = {
  error: 'border-red-300 bg-red-50 text-red-800',
  success: 'border-green-300 bg-green-50 text-green-900',
  info: 'border-slate-300 bg-slate-50 text-slate-800',
  warning: 'border-amber-300 bg-amber-50 text-amber-900',
} as const;

export function Alert({
  tone = 'error',
  children,
  className = '',
  testId,
}: {
  tone?: keyof typeof TONES;
  children?: ReactNode;
  className?: string;
  testId?: string;
}) {
  const role = tone === 'error' ? 'alert' : 'status';
  if (children === undefined || children === null || children === false || children === '') return null;
  return (
    <div role={role} data-testid={testId} className={`rounded-md border px-3 py-2 text-sm ${TONES[tone]} ${className}`}>
      {children}
    </div>
  );
}
