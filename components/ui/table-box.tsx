// A table's box: it scrolls sideways inside itself (a wide table never widens the page on a phone),
// and, being a named region in the tab order, can be scrolled by keyboard.
// `relative`: an absolutely positioned cell text (sr-only) is placed in the box, not on the page, or
// it widens the page by the table's overflow.
import type { ReactNode } from 'react';

export const tableBoxClass = 'table-scroll relative overflow-x-auto rounded-lg border border-slate-200 shadow-sm';

export function TableBox({ label, children, className = '' }: { label: string; children: ReactNode; className?: string }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard (WCAG 2.1.1; axe scrollable-region-focusable)
    <div role="region" aria-label={label} tabIndex={0} className={`${tableBoxClass} ${className}`}>
      {children}
    </div>
  );
}
