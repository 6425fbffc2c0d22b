// The before/after of one audit event as a short table of the fields that changed.
import type { Locale, Translate } from '@/lib/i18n/translate';
import { auditChanges } from '@/lib/core/audit-changes';
import { formatZoneDateTime } from '@/lib/core/dates';

const MAX_CHARS = 300;
/** An instant as the rows store it (JSON of a Date): shown in zone time, as the page's times are. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function auditValueText(v: unknown, locale: Locale): string {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'string' && INSTANT.test(v)) return formatZoneDateTime(new Date(v), locale);
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS)}…` : s;
}

export function AuditChanges({ t, locale, before, after }: { t: Translate; locale: Locale; before: unknown; after: unknown }) {
  const changes = auditChanges(before, after);
  if (changes.length === 0) return <span className="text-slate-600">{t('oversight.audit.noChanges')}</span>;
  return (
    <details>
      <summary className="cursor-pointer text-brand-700 underline">{t('oversight.audit.showChanges', { n: changes.length })}</summary>
      <table className="mt-2 w-full text-xs">
        <thead className="text-left text-slate-600">
          <tr>
            <th scope="col" className="pr-2">
              {t('oversight.audit.field')}
            </th>
            <th scope="col" className="pr-2">
              {t('oversight.audit.before')}
            </th>
            <th scope="col">{t('oversight.audit.after')}</th>
          </tr>
        </thead>
        <tbody className="font-mono">
          {changes.map((c) => (
            <tr key={c.field} className="border-t border-slate-200 align-top">
              <th scope="row" className="pr-2 text-left font-medium">
                {c.field || '—'}
              </th>
              {c.redacted ? (
                <td colSpan={2} className="text-slate-600">
                  {t('oversight.audit.redacted')}
                </td>
              ) : (
                <>
                  <td className="break-all pr-2 text-red-800">{auditValueText(c.before, locale)}</td>
                  <td className="break-all text-green-800">{auditValueText(c.after, locale)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
