import Link from 'next/link';
import { setLocale } from '@/app/actions/locale';
import type { Actor } from '@/lib/auth/actor';
import type { Locale, Translate } from '@/lib/i18n/translate';
import { unreadBadge } from '@/lib/notifications/badge';
import { SignOutButton } from './sign-out-button';

interface NavItem {
  href: string;
  label: string;
}

function navFor(actor: Actor | null, t: Translate): NavItem[] {
  const items: NavItem[] = [
    { href: '/', label: t('nav.home') },
    { href: '/products', label: t('nav.products') },
  ];
  if (actor?.role === 'enterprise') {
    items.push({ href: '/enterprise', label: t('nav.enterprise') });
    items.push({ href: '/enterprise/needs', label: t('needs.title') });
    items.push({ href: '/enterprise/applications', label: t('applications.title') });
    items.push({ href: '/enterprise/loans', label: t('loans.navTitle') });
    items.push({ href: '/enterprise/ip', label: t('nav.ipAssets') });
    items.push({ href: '/enterprise/documents', label: t('documents.navTitle') });
    items.push({ href: '/enterprise/score', label: t('score.title') });
    items.push({ href: '/enterprise/profile', label: t('profile.title') });
  }
  if (actor?.role === 'institution') {
    items.push({ href: '/institution', label: t('nav.institution') });
    items.push({ href: '/institution/products', label: t('product.myProducts') });
    items.push({ href: '/institution/needs', label: t('needs.board.title') });
    items.push({ href: '/institution/applications', label: t('applications.inbox') });
    items.push({ href: '/institution/loans', label: t('loans.navTitle') });
    items.push({ href: '/institution/matches', label: t('matching.navTitle') });
  }
  if (actor?.role === 'admin') {
    items.push({ href: '/admin', label: t('nav.admin') });
    items.push({ href: '/admin/verification', label: t('nav.verification') });
    items.push({ href: '/admin/dashboard', label: t('figures.navTitle') });
    items.push({ href: '/admin/weights', label: t('score.weightsTitle') });
    items.push({ href: '/admin/calendar', label: t('calendar.title') });
    items.push({ href: '/admin/schemes', label: t('loans.schemesNav') });
    items.push({ href: '/admin/documents', label: t('documents.admin.title') });
    items.push({ href: '/admin/users', label: t('nav.users') });
    items.push({ href: '/admin/audit', label: t('nav.audit') });
  }
  return items;
}

function LocaleSwitch({ locale, t }: { locale: Locale; t: Translate }) {
  return (
    <form action={setLocale} className="flex items-center gap-1" aria-label={t('app.language')}>
      {(['zh', 'en'] as const).map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l === 'zh' ? 'zh-CN' : 'en'}
          aria-pressed={locale === l}
          className={`rounded px-2 py-1 text-sm ${locale === l ? 'bg-slate-800 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
        >
          {l === 'zh' ? '中文' : 'English'}
        </button>
      ))}
    </form>
  );
}

export function Header({ actor, locale, t, unread = 0 }: { actor: Actor | null; locale: Locale; t: Translate; unread?: number }) {
  const items = navFor(actor, t);
  const links = items.map((i) => (
    <Link key={i.href} href={i.href} className="rounded-md px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100">
      {i.label}
    </Link>
  ));
  const account = (primary: boolean) =>
    actor ? (
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-slate-700" data-testid={primary ? 'current-user' : undefined}>
          <span className="sr-only">
            {t('nav.signedInAs')}
            {t('app.colon')}
          </span>
          {actor.name} · {t(`roles.${actor.role}`)}
        </span>
        <Link
          href="/notifications"
          className="relative rounded-md px-2 py-2 text-sm text-slate-700 hover:bg-slate-100"
          data-testid={primary ? 'notifications-link' : undefined}
        >
          {t('nav.notifications')}
          {unread > 0 && (
            <span className="ml-1 rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white">
              {unreadBadge(unread)}
              <span className="sr-only">{t('nav.unread', { n: unreadBadge(unread) })}</span>
            </span>
          )}
        </Link>
        <SignOutButton />
      </div>
    ) : (
      <div className="flex items-center gap-2">
        <Link href="/login" className="rounded-md px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50">
          {t('nav.signIn')}
        </Link>
        <Link href="/register" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {t('nav.register')}
        </Link>
      </div>
    );
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        {/* The tagline gives way (ellipsis) before the account links wrap: the English one is long. */}
        <Link href="/" className="flex min-w-0 items-baseline gap-2 whitespace-nowrap">
          <span className="text-xl font-bold text-brand-700">{t('app.name')}</span>
          <span className="hidden truncate text-sm text-slate-600 lg:inline" title={t('app.tagline')}>
            {t('app.tagline')}
          </span>
        </Link>
        <div className="hidden shrink-0 items-center gap-3 whitespace-nowrap md:flex">
          <LocaleSwitch locale={locale} t={t} />
          {account(true)}
        </div>
        {/* Phones: the same links behind a disclosure that works by keyboard without script. */}
        <details className="md:hidden">
          <summary className="cursor-pointer list-none rounded-md border border-slate-300 px-3 py-2 text-sm font-medium">{t('nav.menu')}</summary>
          <div className="absolute right-2 z-10 mt-2 w-64 space-y-2 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
            <nav aria-label={t('nav.menu')} className="flex flex-col">
              {links}
            </nav>
            <LocaleSwitch locale={locale} t={t} />
            {account(false)}
          </div>
        </details>
      </div>
      <div className="hidden border-t border-slate-100 md:block">
        <nav aria-label={t('nav.menu')} className="mx-auto flex max-w-6xl flex-wrap items-center gap-1 px-2 py-1">
          {links}
        </nav>
      </div>
    </header>
  );
}
