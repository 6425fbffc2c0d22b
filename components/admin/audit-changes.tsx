// The before/after of one audit event as a short table of the fields that changed.
import type { Translate } from '@/lib/i18n/translate';
import { auditChanges } from '@/lib/core/audit-changes';

const MAX_CHARS = 300;

function show(v: unknown): string {
  if (v === undefined || v === null) return '—';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS)}…` : s;
}

export function AuditChanges({ t, before, after }: { t: Translate; before: unknown; after: unknown }) {
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
                  <td className="break-all pr-2 text-red-800">{show(c.before)}</td>
                  <td className="break-all text-green-800">{show(c.after)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
