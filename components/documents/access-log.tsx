// The enterprise's record of who downloaded its shared documents.
import { formatZoneDateTime } from '@/lib/core/dates';
import { documentLabel } from '@/lib/documents/format';
import type { Locale, Translate } from '@/lib/i18n/translate';

export interface AccessRow {
  at: Date;
  userName: string;
  institutionName: string | null;
  reason: string | null;
  kind: string;
  year: number | null;
  title?: string | null;
  version: number;
}

export function AccessLog({ rows, t, locale }: { rows: AccessRow[]; t: Translate; locale: Locale }) {
  if (rows.length === 0) return <p className="text-slate-700">{t('documents.access.empty')}</p>;
  return (
    <ul className="space-y-1 text-sm" data-testid="access-log">
      {rows.map((r, i) => {
        const vars = { user: r.userName, at: formatZoneDateTime(r.at, locale), document: documentLabel(t, r) };
        return (
          <li key={i}>
            {r.institutionName
              ? t('documents.access.row', { ...vars, institution: r.institutionName })
              : t('documents.access.admin', { ...vars, reason: r.reason ?? '' })}
          </li>
        );
      })}
    </ul>
  );
}
