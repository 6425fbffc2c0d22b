// Framework-free translation: the server and client sides both build their `t` from here.
import { en } from './en';
import { zh, type Messages } from './zh';

export const LOCALES = ['zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh';
export const LOCALE_COOKIE = 'locale';

export const dictionaries: Record<Locale, Messages> = { zh, en: en as Messages };

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

function lookup(messages: Messages, key: string): string | undefined {
  let cur: unknown = messages;
  for (const part of key.split('.')) {
    if (cur && typeof cur === 'object' && part in cur) cur = (cur as Record<string, unknown>)[part];
    else return undefined;
  }
  return typeof cur === 'string' ? cur : undefined;
}

// Each locale's texts found so far, by key (a page looks up hundreds; splitting the key and walking
// the dictionary every time was ~1 % of a rendered page's CPU). Only found keys are kept, so the map
// is bounded by the dictionaries.
const found: Record<Locale, Map<string, string>> = { zh: new Map(), en: new Map() };

function textOf(locale: Locale, key: string): string {
  const known = found[locale].get(key);
  if (known !== undefined) return known;
  const text = lookup(dictionaries[locale], key) ?? lookup(dictionaries[DEFAULT_LOCALE], key);
  if (text === undefined) return key;
  found[locale].set(key, text);
  return text;
}

export function makeTranslate(locale: Locale): Translate {
  const l: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  return (key, vars) => {
    const text = textOf(l, key);
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
}

/** A zod issue message is an error key (e.g. 'uscc_check'); this gives the user's sentence. */
export function errorText(t: Translate, messageKey: string | undefined): string {
  if (!messageKey) return t('errors.invalid');
  // A dotted key names its area's text (e.g. 'needs.errors.purpose'); a bare one is under errors.
  const key = messageKey.includes('.') ? messageKey : `errors.${messageKey}`;
  const text = t(key);
  return text === key ? t('errors.invalid') : text;
}

/**
 * A problem with one URL parameter, as a page says it: the filter's label and the message
 * ("产品类别：未知的产品类别代码。"). `labels` maps a parameter to its label's key; an unlisted one is
 * named as it is in the URL.
 */
export function paramProblem(t: Translate, labels: Record<string, string>, param: string, messageKey: string | undefined): string {
  const key = labels[param];
  return `${key ? t(key) : param}${t('app.colon')}${errorText(t, messageKey)}`;
}

/** Flattens nested keys: used by the test that keeps both languages in step. */
export function keysOf(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v as object, `${prefix}${k}.`)));
}
