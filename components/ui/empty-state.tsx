// What an empty list says: that it is empty, what to do next, and a link to do it.
import Link from 'next/link';

export function EmptyState({
  text,
  hint,
  href,
  action,
  testId = 'empty-state',
}: {
  text: string;
  hint?: string;
  href?: string;
  action?: string;
  testId?: string;
}) {
  return (
    <div className="space-y-2 rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700" data-testid={testId}>
      <p>{text}</p>
      {hint && <p className="text-sm text-slate-600">{hint}</p>}
      {href && action && (
        <Link href={href} className="inline-block text-sm font-medium text-brand-700 underline">
          {action}
        </Link>
      )}
    </div>
  );
}
