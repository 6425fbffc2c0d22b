// A stored notification in the reader's language. Rows written before migration 0013 carry their
// Chinese sentence in title/body and show it as stored; newer rows leave title empty and are
// rendered from kind + params. A row whose parameters no longer fit its kind shows a generic title.
import { makeTranslate, type Locale } from '../i18n/translate';
import { isNoticeKind, NOTICES } from './messages';

interface StoredNotification {
  kind: string;
  params: unknown;
  title: string;
  body: string;
  link: string | null;
}

export interface RenderedNotification {
  title: string;
  body: string;
  link: string | null;
}

export function renderNotification(n: StoredNotification, locale: Locale): RenderedNotification {
  if (n.title !== '') return { title: n.title, body: n.body, link: n.link };
  const t = makeTranslate(locale);
  const text = isNoticeKind(n.kind) ? NOTICES[n.kind].renderStored(n.params, t) : null;
  return { ...(text ?? { title: t('notifications.unknown'), body: '' }), link: n.link };
}
