import Link from 'next/link';

/** A figure with its label; with `href`, the figure links to the list behind it. */
export function Stat({ label, value, testId, href }: { label: string; value: string | number; testId?: string; href?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-slate-900" data-testid={testId}>
        {href ? (
          <Link href={href} className="text-brand-700 underline decoration-1 underline-offset-4">
            {value}
          </Link>
        ) : (
          value
        )}
      </dd>
    </div>
  );
}
