import type { ApplicationStatus } from '@/lib/core/domain';
import { formatZoneDateTime } from '@/lib/core/dates';
import type { Locale, Translate } from '@/lib/i18n/translate';

export interface TimelineEvent {
  id: bigint;
  toStatus: string;
  reasonCode: string | null;
  note: string | null;
  at: Date;
  actorName: string | null;
}

/** A step kept outside application_events (e.g. the pledge registration 质押登记), placed by its time. */
export interface TimelineExtra {
  key: string;
  at: Date;
  label: string;
  note?: string;
}

/** One timeline, with reason codes, that both sides see. */
export function Timeline({ events, t, locale, extra = [] }: { events: TimelineEvent[]; t: Translate; locale: Locale; extra?: TimelineExtra[] }) {
  const later = (at: Date) => extra.filter((x) => x.at > at);
  const before = (at: Date | null, next: Date) => extra.filter((x) => (at === null || x.at > at) && x.at <= next);
  return (
    <ol className="space-y-3 border-l-2 border-brand-100 pl-4" data-testid="timeline">
      {events.flatMap((e, i) => [
        ...before(i === 0 ? null : events[i - 1].at, e.at).map((x) => <ExtraItem key={x.key} x={x} locale={locale} />),
        <EventItem key={String(e.id)} e={e} t={t} locale={locale} />,
      ])}
      {events.length > 0
        ? later(events[events.length - 1].at).map((x) => <ExtraItem key={x.key} x={x} locale={locale} />)
        : extra.map((x) => <ExtraItem key={x.key} x={x} locale={locale} />)}
    </ol>
  );
}

function ExtraItem({ x, locale }: { x: TimelineExtra; locale: Locale }) {
  return (
    <li className="relative" data-testid="timeline-extra">
      <span aria-hidden className="absolute -left-[1.4rem] top-1.5 h-3 w-3 rounded-full bg-green-600" />
      <p className="font-medium">{x.label}</p>
      <p className="text-sm text-slate-600">{formatZoneDateTime(x.at, locale)}</p>
      {x.note && <p className="text-sm text-slate-800">{x.note}</p>}
    </li>
  );
}

// The step's name comes from the action that led to the state. A reason code that names no action
// (the demo data's accepted, credit_approved, rejection reasons such as high_leverage) would otherwise
// print a raw translation key.
const ACTION_OF_STATUS: Record<ApplicationStatus, string> = {
  submitted: 'submitted',
  accepted: 'accept',
  approved: 'approve',
  disbursed: 'disburse',
  rejected: 'reject',
  withdrawn: 'withdraw',
  materials_requested: 'request_materials',
};
const EVENT_NAMES = new Set([...Object.values(ACTION_OF_STATUS), 'resubmit']);

export function eventName(e: Pick<TimelineEvent, 'toStatus' | 'reasonCode'>): string {
  if (e.reasonCode && EVENT_NAMES.has(e.reasonCode)) return e.reasonCode;
  return ACTION_OF_STATUS[e.toStatus as keyof typeof ACTION_OF_STATUS] ?? 'submitted';
}

function EventItem({ e, t, locale }: { e: TimelineEvent; t: Translate; locale: Locale }) {
  return (
    <li className="relative">
      <span aria-hidden className="absolute -left-[1.4rem] top-1.5 h-3 w-3 rounded-full bg-brand-600" />
      <p className="font-medium">
        {t(`applications.events.${eventName(e)}`)} → {t(`applications.statuses.${e.toStatus}`)}
      </p>
      <p className="text-sm text-slate-600">
        {formatZoneDateTime(e.at, locale)}
        {e.actorName ? ` · ${e.actorName}` : ''}
      </p>
      {e.note && <p className="text-sm text-slate-800">{e.note}</p>}
    </li>
  );
}
