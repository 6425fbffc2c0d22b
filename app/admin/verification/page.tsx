import { Pager as UiPager } from '@/components/ui/pager';
import Link from 'next/link';
import { VerificationDecision } from '@/components/admin/verification-decision';
import { HeadRow } from '@/components/ui/head-row';
import { getDb } from '@/db';
import { enterprisesByCode, verificationQueues } from '@/lib/admin/views';
import { requirePageActor } from '@/lib/auth/session';
import { formatZoneDateTime, zoneDay } from '@/lib/core/dates';
import { getLocale, getT } from '@/lib/i18n/server';
import { localParkName } from '@/lib/i18n/names';
import { usccOutsideZone } from '@/lib/enterprises/parks';
import type { Translate } from '@/lib/i18n/translate';
import { usccLookupSchema, verificationQueueQuerySchema, type VerificationQueueQuery } from '@/lib/validation/verification';
import { errorText } from '@/lib/i18n/translate';
import { inputClass, secondaryButtonClass } from '@/components/ui/field';
import { pageTitle } from '@/lib/i18n/page-title';
import { UserText } from '@/components/ui/user-text';

export const generateMetadata = pageTitle('verification');
const PAGE_SIZE = 20;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function Pager({ t, query, param, total, label }: { t: Translate; query: VerificationQueueQuery; param: 'ep' | 'cp'; total: number; label: string }) {
  const page = query[param];
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const href = (p: number) => {
    const next = { ...query, [param]: p };
    return `/admin/verification?ep=${next.ep}&cp=${next.cp}`;
  };
  return <UiPager t={t} page={page} pages={pages} href={href} label={label} />;
}

const th = 'whitespace-nowrap px-3 py-2';

const td = 'px-3 py-2 align-top';

export default async function VerificationQueuePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor(['admin'], '/admin/verification');
  const [t, locale, db, raw] = await Promise.all([getT(), getLocale(), getDb(), searchParams]);
  const query = verificationQueueQuerySchema.parse(raw);
  // The service centre's lookup by credit code (USCC squatting): who holds it, or held it.
  const typed = typeof raw.code === 'string' && raw.code.trim() !== '' ? raw.code : undefined;
  const lookup = typed === undefined ? undefined : usccLookupSchema.safeParse({ code: typed });
  const [{ enterprises: ents, certifications: certs, parks }, found] = await Promise.all([
    verificationQueues(db, actor, query, PAGE_SIZE),
    lookup?.success ? enterprisesByCode(db, actor, lookup.data.code) : undefined,
  ]);
  const today = zoneDay();
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <Link href="/admin" className="text-sm font-medium text-brand-700 underline">
          {t('verify.backToAdmin')}
        </Link>
        <h1 className="text-2xl font-bold">{t('verify.title')}</h1>
        <p className="max-w-3xl text-slate-700">{t('verify.lead')}</p>
      </div>

      <section aria-labelledby="lookup-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <div>
          <h2 id="lookup-title" className="text-lg font-semibold">
            {t('verify.lookup.title')}
          </h2>
          <p className="max-w-3xl text-sm text-slate-700">{t('verify.lookup.lead')}</p>
        </div>
        <form method="get" action="/admin/verification" className="flex flex-wrap items-end gap-2" role="search">
          <div className="space-y-1">
            <label htmlFor="lookup-code" className="block text-sm font-medium">
              {t('verify.lookup.code')}
            </label>
            <input
              id="lookup-code"
              name="code"
              defaultValue={typed ?? ''}
              maxLength={40}
              autoComplete="off"
              spellCheck={false}
              className={`${inputClass} font-mono`}
              aria-invalid={lookup && !lookup.success ? true : undefined}
              aria-describedby={lookup && !lookup.success ? 'lookup-code-error' : undefined}
            />
          </div>
          <button type="submit" className={secondaryButtonClass}>
            {t('verify.lookup.submit')}
          </button>
        </form>
        {lookup && !lookup.success && (
          <p id="lookup-code-error" role="alert" className="text-sm text-red-700">
            {errorText(t, lookup.error.issues[0].message)}
          </p>
        )}
        {found &&
          (found.length === 0 ? (
            <p role="status" className="text-sm text-slate-700" data-testid="lookup-none">
              {t('verify.lookup.none')}
            </p>
          ) : (
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm">
                <thead className="bg-slate-100 text-left">
                  <HeadRow
                    className={th}
                    labels={[t('verify.name'), t('verify.uscc'), t('verify.park'), t('verify.registeredAt'), t('verify.lookup.status'), t('verify.actions')]}
                  />
                </thead>
                <tbody>
                  {found.map((e) => (
                    <tr key={e.id} className="border-t border-slate-200" data-testid="lookup-row">
                      <th scope="row" className={`${td} text-left font-medium`}>
                        <UserText>{e.name}</UserText>
                      </th>
                      <td className={`${td} font-mono`}>{e.uscc ?? t('verify.usccReleased', { uscc: e.usccReleased ?? '' })}</td>
                      <td className={td}>{localParkName(e, locale)}</td>
                      <td className={td}>{formatZoneDateTime(e.createdAt, locale)}</td>
                      <td className={td}>
                        <span data-testid="lookup-status">{e.revoked ? t('verification.revoked') : t(`verification.${e.verificationStatus}`)}</span>
                        {e.verificationNote && (
                          <span className="block max-w-xs text-xs text-slate-600">
                            {t('verify.lookup.note')}
                            {t('app.colon')}
                            <UserText>{e.verificationNote}</UserText>
                          </span>
                        )}
                        {(e.openApplications > 0 || e.unsettledLoans > 0) && (
                          <span className="block max-w-xs text-xs text-slate-700" data-testid="lookup-business">
                            {t('verify.lookup.business', { applications: e.openApplications, loans: e.unsettledLoans })}
                          </span>
                        )}
                      </td>
                      <td className={td}>
                        <VerificationDecision
                          entity="enterprise"
                          id={e.id}
                          subject={e.name}
                          status={e.verificationStatus}
                          codeReleased={e.uscc === null}
                          business={{ applications: e.openApplications, loans: e.unsettledLoans }}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
      </section>

      <section aria-labelledby="enterprise-queue-title" className="space-y-3">
        <h2 id="enterprise-queue-title" className="text-lg font-semibold">
          {t('verify.enterprises')} <span className="text-sm font-normal text-slate-600">{t('verify.total', { total: ents.total })}</span>
        </h2>
        {ents.items.length === 0 ? (
          <p className="text-slate-700">{t('verify.noEnterprises')}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full text-sm">
              <thead className="bg-slate-100 text-left">
                <HeadRow
                  className={th}
                  labels={[
                    t('verify.name'),
                    t('verify.uscc'),
                    t('verify.park'),
                    t('verify.industry'),
                    t('verify.foundedOn'),
                    t('verify.registeredAt'),
                    t('verify.actions'),
                  ]}
                />
              </thead>
              <tbody>
                {ents.items.map((e) => (
                  <tr key={e.id} className="border-t border-slate-200" data-testid="enterprise-queue-row">
                    <th scope="row" className={`${td} text-left font-medium`}>
                      <UserText>{e.name}</UserText>
                    </th>
                    <td className={td}>
                      <span className="font-mono">{e.uscc}</span>
                      {e.usccCheckOverridden && (
                        <span
                          className="mt-1 block w-fit rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900"
                          title={t('verify.overriddenHint')}
                          data-testid="uscc-overridden"
                        >
                          {t('verify.overridden')}
                        </span>
                      )}
                      {e.uscc && usccOutsideZone(e.uscc, parks) && (
                        <span
                          className="mt-1 block w-fit rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900"
                          title={t('verify.outsideZoneHint')}
                          data-testid="uscc-outside-zone"
                        >
                          {t('verify.outsideZone')}
                          <span className="sr-only">
                            {t('app.colon')}
                            {t('verify.outsideZoneHint')}
                          </span>
                        </span>
                      )}
                    </td>
                    <td className={td}>{localParkName(e, locale)}</td>
                    <td className={td}>{t(`industries.${e.industry}`)}</td>
                    <td className={`${td} whitespace-nowrap`}>{e.foundedOn}</td>
                    <td className={td}>{formatZoneDateTime(e.createdAt, locale)}</td>
                    <td className={td}>
                      <VerificationDecision
                        entity="enterprise"
                        id={e.id}
                        subject={e.name}
                        business={{ applications: e.openApplications, loans: e.unsettledLoans }}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager t={t} query={query} param="ep" total={ents.total} label={t('verify.enterprises')} />
      </section>

      <section aria-labelledby="certification-queue-title" className="space-y-3">
        <h2 id="certification-queue-title" className="text-lg font-semibold">
          {t('verify.certifications')} <span className="text-sm font-normal text-slate-600">{t('verify.total', { total: certs.total })}</span>
        </h2>
        {certs.items.length === 0 ? (
          <p className="text-slate-700">{t('verify.noCertifications')}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full text-sm">
              <thead className="bg-slate-100 text-left">
                <HeadRow className={th} labels={[t('verify.enterprise'), t('verify.kind'), t('verify.number'), t('verify.validity'), t('verify.actions')]} />
              </thead>
              <tbody>
                {certs.items.map((c) => {
                  const kind = t(`certifications.${c.kind}`);
                  return (
                    <tr key={c.id} className="border-t border-slate-200" data-testid="certification-queue-row">
                      <td className={td}>
                        <UserText>{c.enterpriseName}</UserText>
                        {c.enterpriseVerificationStatus !== 'verified' && (
                          <span className="block text-xs text-slate-600">
                            {t('verify.enterpriseStatus', { status: t(`verification.${c.enterpriseVerificationStatus}`) })}
                          </span>
                        )}
                      </td>
                      <td className={td}>{kind}</td>
                      <th scope="row" className={`${td} text-left font-mono font-normal`}>
                        {c.number}
                      </th>
                      <td className={td}>
                        {t('verify.validRange', { from: c.validFrom, to: c.validTo })}
                        {c.validTo < today && <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900">{t('verify.expired')}</span>}
                      </td>
                      <td className={td}>
                        <VerificationDecision entity="certification" id={c.id} subject={`${kind} ${c.number}`} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <Pager t={t} query={query} param="cp" total={certs.total} label={t('verify.certifications')} />
      </section>
    </div>
  );
}
