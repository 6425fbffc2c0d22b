// The filter bar of a list page: a GET form (next/form keeps it a client-side navigation) whose
// fields wrap on narrow screens, with Apply and Clear at the end.
import Form from 'next/form';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonClass } from './field';

export function FilterBar({
  action,
  label,
  apply,
  clear,
  children,
  wide = false,
}: {
  action: string;
  label: string;
  apply: string;
  clear: string;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <Form
      action={action}
      role="search"
      aria-label={label}
      className={`grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 ${wide ? 'lg:grid-cols-5' : 'lg:grid-cols-4'}`}
    >
      {children}
      <div className="flex items-end gap-3">
        <button type="submit" className={buttonClass}>
          {apply}
        </button>
        <Link href={action} className="py-2 text-sm text-brand-700 underline">
          {clear}
        </Link>
      </div>
    </Form>
  );
}
