import Link from 'next/link';
import { MarkAllReadButton } from '@/components/shell/mark-all-read-button';
import { getDb } from '@/db';
import { ROLES } from '@/lib/auth/actor';
import { requirePageActor } from '@/lib/auth/session';
import { formatZoneDateTime } from '@/lib/core/dates';
import { getLocale, getT } from '@/lib/i18n/server';
import { renderNotification } from '@/lib/notifications/render';
import { notificationsFor } from '@/lib/notifications/inbox';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('notifications');

export default async function NotificationsPage() {
  const actor = await requirePageActor([...ROLES], '/notifications');
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const items = await notificationsFor(await getDb(), actor);
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-bold">{t('nav.notifications')}</h1>
        <MarkAllReadButton />
      </div>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {items.map((n) => {
          const { title, body, link } = renderNotification(n, locale);
          return (
            <li key={String(n.id)} className={`px-4 py-3 ${n.readAt ? '' : 'bg-brand-50'}`} data-testid="notification">
              <p className="font-medium">
                {link ? (
                  <Link href={link} className="text-brand-700 underline">
                    {title}
                  </Link>
                ) : (
                  title
                )}
              </p>
              {body && <p className="text-sm text-slate-700">{body}</p>}
              <p className="text-xs text-slate-600">{formatZoneDateTime(n.createdAt, locale)}</p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
