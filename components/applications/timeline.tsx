import { formatZoneDateTime } from '@/lib/dates';
import type { Locale, Translate } from '@/lib/i18n/translate';

export interface TimelineEvent {
  id: bigint;
  toStatus: string;
  reasonCode: string | null;
  note: string | null;
  at: Date;
  actorName: string | null;
}

/** One timeline, with reason codes, that both sides see. */
export function Timeline({ events, t, locale }: { events: TimelineEvent[]; t: Translate; locale: Locale }) {
  return (
    <ol className="space-y-3 border-l-2 border-brand-100 pl-4" data-testid="timeline">
      {events.map((e) => (
        <li key={String(e.id)} className="relative">
          <span aria-hidden className="absolute -left-[1.4rem] top-1.5 h-3 w-3 rounded-full bg-brand-600" />
          <p className="font-medium">
            {t(`applications.events.${e.reasonCode ?? e.toStatus}`)} → {t(`applications.statuses.${e.toStatus}`)}
          </p>
          <p className="text-sm text-slate-600">
            {formatZoneDateTime(e.at, locale)}
            {e.actorName ? ` · ${e.actorName}` : ''}
          </p>
          {e.note && <p className="text-sm text-slate-800">{e.note}</p>}
        </li>
      ))}
    </ol>
  );
}
