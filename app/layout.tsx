import type { Metadata, Viewport } from 'next';
import { Header } from '@/components/shell/header';
import { I18nProvider } from '@/components/i18n-provider';
import { currentHeader, requestId } from '@/lib/auth/session';
import { getLocale } from '@/lib/i18n/server';
import { makeTranslate } from '@/lib/i18n/translate';
import './globals.css';

/** The tab title in the reader's language: a page's own title (lib/i18n/page-title.ts) · the platform's name. */
export async function generateMetadata(): Promise<Metadata> {
  const t = makeTranslate(await getLocale());
  return { title: { default: t('app.name'), template: `%s · ${t('app.name')}` }, description: t('app.description') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = makeTranslate(locale);
  const { actor, unread } = await currentHeader();
  // For app/error.tsx: the id the server's log lines and audit rows carry.
  const rid = await requestId();
  return (
    <html lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        {rid && <meta name="x-request-id" content={rid} />}
        <a href="#main" className="skip-link">
          {t('app.skip')}
        </a>
        <I18nProvider locale={locale}>
          <Header actor={actor} locale={locale} t={t} unread={unread} />
          <main id="main" className="mx-auto max-w-6xl px-4 py-8">
            {children}
          </main>
          <footer className="border-t border-slate-200 py-6 text-center text-sm text-slate-600">{t('app.footer')}</footer>
        </I18nProvider>
      </body>
    </html>
  );
}
