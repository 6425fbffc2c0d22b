'use client';
import { createContext, useContext, useMemo } from 'react';
import { makeTranslate, type Locale, type Translate } from '@/lib/i18n/translate';

const I18nContext = createContext<{ locale: Locale; t: Translate }>({ locale: 'zh', t: makeTranslate('zh') });

export function I18nProvider({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  const value = useMemo(() => ({ locale, t: makeTranslate(locale) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n() {
  return useContext(I18nContext);
}
