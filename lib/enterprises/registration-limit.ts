// Self-registrations are limited per client address (issue 9): at most REGISTRATIONS_PER_HOUR
// (default 5) in any hour, counted in PostgreSQL (registration_attempts) so the limit holds across
// app instances. Pure: shared by the use case and the registration forms.
import { errorText, type Translate } from '../i18n/translate';
import { checkUscc } from './uscc';

export const REGISTRATION_WINDOW_MS = 60 * 60 * 1000;
export const DEFAULT_REGISTRATIONS_PER_HOUR = 5;

/** The limit: REGISTRATIONS_PER_HOUR when it is a positive whole number, else 5. */
export function registrationsPerHour(env: Record<string, string | undefined> = process.env): number {
  const raw = env.REGISTRATIONS_PER_HOUR;
  const n = raw && /^\d{1,6}$/.test(raw) ? Number(raw) : 0;
  return n > 0 ? n : DEFAULT_REGISTRATIONS_PER_HOUR;
}

/** When the address may register again: the limit-th newest attempt leaves the window. Null while under the limit. */
export function registrationRetryAt(recentNewestFirst: Date[], limit: number): Date | null {
  if (recentNewestFirst.length < limit) return null;
  return new Date(recentNewestFirst[limit - 1].getTime() + REGISTRATION_WINDOW_MS);
}

/** The retry moment as the zone's wall-clock time, e.g. "14:05" (a refusal never lasts more than an hour). */
export function retryTimeText(iso: string, locale: 'zh' | 'en'): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toLocaleTimeString(locale === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });
}

/** A registration form's sentence for the server's error key; the limit says when to retry. */
export function registrationErrorText(t: Translate, locale: 'zh' | 'en', key: string, vars?: Record<string, string>): string {
  if (key === 'registration_limited' && vars?.retryAt)
    return t('errors.registration_limited', { limit: vars.limit ?? String(DEFAULT_REGISTRATIONS_PER_HOUR), time: retryTimeText(vars.retryAt, locale) });
  return errorText(t, key);
}

/**
 * A registration form's sentence for a wrong check character, naming the one the first 17
 * characters call for (docs/domain.md); null when the form's problem with the code is another.
 * `canConfirm`: the form offers to confirm the code as printed (enterprises do, institutions not).
 */
export function usccCheckText(t: Translate, message: string | undefined, uscc: string, canConfirm: boolean): string | null {
  if (message !== 'uscc_check') return null;
  const r = checkUscc(uscc);
  if (r.ok || r.error !== 'check') return null;
  return t(canConfirm ? 'errors.uscc_check_expected' : 'errors.uscc_check_expected_strict', { expected: r.expected });
}
