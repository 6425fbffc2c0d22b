// Every kind of notification: the shape of its parameters (zod), where it links to, and how its
// title and body read in the reader's language (texts in lib/i18n/ns/notifications.ts). A
// notification row stores only the kind and the parameters; it is rendered when read.
// Parameters hold ids, amounts in fen (bigint; stored as digit strings, since JSON has no bigint),
// zone days, and names and reasons exactly as entered (no organisation or product has an English
// name, so names appear as entered in both languages).
import { z } from 'zod';
import { CERTIFICATION_KINDS } from '../../db/enums';
import { formatRateBp, formatWan } from '../core/money';
import type { Translate } from '../i18n/translate';

const fen = z.union([z.bigint(), z.string().regex(/^-?\d{1,20}$/)]).transform((v) => BigInt(v));
const id = z.string().min(1).max(100);
const text = z.string().max(2000);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const months = z.number().int().min(0).max(1200);

type Text = { title: string; body: string };
interface Def<S extends z.ZodType> {
  params: S;
  /** The page the notification opens, from its parameters. */
  link: (p: z.output<S>) => string | null;
  render: (p: z.output<S>, t: Translate) => Text;
}
/** Stored parameters: a bigint (an amount in fen) as its digits, the rest as parsed. */
const stored = (p: unknown): Record<string, unknown> =>
  Object.fromEntries(Object.entries(p as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v]));

/**
 * One kind, typed by its parameters: `toRow` checks a notice's parameters and gives what is stored
 * (parameters and link); `renderStored` reads stored parameters back, or null when they no longer fit.
 */
const def = <S extends z.ZodType>(d: Def<S>) => ({
  ...d,
  toRow: (params: unknown) => {
    const p = d.params.parse(params);
    return { params: stored(p), link: d.link(p) };
  },
  renderStored: (params: unknown, t: Translate): Text | null => {
    const r = d.params.safeParse(params);
    return r.success ? d.render(r.data, t) : null;
  },
});

const amount = (t: Translate, f: bigint) => t('app.wan', { amount: formatWan(f) });
const term = (t: Translate, n: number) => t('app.months', { n });
/** The kind's title and body with these variables. */
const texts = (t: Translate, key: string, vars: Record<string, string | number> = {}): Text => ({
  title: t(`notifications.${key}.title`, vars),
  body: t(`notifications.${key}.body`, vars),
});
/** The body, then the decider's note if one was given. */
const withNote = (t: Translate, x: Text, note: string | undefined): Text =>
  note ? { ...x, body: [x.body, t('notifications.noteSuffix', { note })].filter(Boolean).join(' ') } : x;

// ---------------------------------------------------------------- applications
const toInstitution = z.object({ applicationId: id, product: text });
const toEnterprise = z.object({ applicationId: id, product: text });
const withReason = toEnterprise.extend({ reason: text });
const institutionApplication = (key: string) =>
  def({ params: toInstitution, link: (p) => `/institution/applications/${p.applicationId}`, render: (p, t) => texts(t, key, p) });
const enterpriseApplication = (key: string) =>
  def({ params: toEnterprise, link: (p) => `/enterprise/applications/${p.applicationId}`, render: (p, t) => texts(t, key, p) });
/** An approval with the terms granted (amount, annual rate, term); notices written before they were kept have none. */
const approvalTerms = toEnterprise.extend({ amountFen: fen.optional(), rateBp: z.number().int().optional(), termMonths: z.number().int().optional() });
const applicationApproved = def({
  params: approvalTerms,
  link: (p) => `/enterprise/applications/${p.applicationId}`,
  render: (p, t) => {
    const x = texts(t, 'application.approve', { product: p.product });
    if (p.amountFen === undefined || p.rateBp === undefined || p.termMonths === undefined) return x;
    return {
      ...x,
      body: t('notifications.application.approveTerms', { amount: amount(t, p.amountFen), rate: formatRateBp(p.rateBp), term: term(t, p.termMonths) }),
    };
  },
});
const enterpriseApplicationWithReason = (key: string) =>
  def({ params: withReason, link: (p) => `/enterprise/applications/${p.applicationId}`, render: (p, t) => texts(t, key, p) });

// ---------------------------------------------------------------- loans and pledges
const loan = z.object({ loanId: id, principalFen: fen, outstandingFen: fen });
const loanMove = (key: string) =>
  def({
    params: loan,
    link: (p) => `/enterprise/loans/${p.loanId}`,
    render: (p, t) => texts(t, key, { principal: amount(t, p.principalFen), outstanding: amount(t, p.outstandingFen) }),
  });
const pledge = z.object({ loanId: id.nullable() });
const pledgeLink = (p: { loanId: string | null }) => (p.loanId ? `/enterprise/loans/${p.loanId}` : null);

// ---------------------------------------------------------------- verification and registration
const decision = z.object({ note: text.optional() });
const institutionDecision = (key: string, link: string) =>
  def({ params: z.object({ reason: text.optional() }), link: () => link, render: (p, t) => texts(t, key, { reason: p.reason ?? '' }) });
const enterpriseDecision = (key: string) =>
  def({
    params: decision,
    link: () => '/enterprise',
    render: (p, t) => withNote(t, texts(t, key, { note: p.note ?? '' }), key.endsWith('reject') || key.endsWith('revoke') ? undefined : p.note),
  });
const certification = z.object({ certKind: z.enum(CERTIFICATION_KINDS), number: text });
const certificationName = (t: Translate, p: z.output<typeof certification>) =>
  t('notifications.certification.named', { kind: t(`certifications.${p.certKind}`), number: p.number });
const certificationDecision = (key: string) =>
  def({
    params: certification.extend(decision.shape),
    link: () => '/enterprise',
    render: (p, t) => {
      const x = texts(t, key, { certification: certificationName(t, p), note: p.note ?? '' });
      return key.endsWith('reject') || key.endsWith('revoke') ? x : withNote(t, x, p.note);
    },
  });
const registration = z.object({ enterprise: text, checkFailed: z.boolean(), outsideZone: z.boolean() });
const enterpriseRegistered = def({
  params: registration,
  // Where the admin verifies it (the admin home only counts them).
  link: () => '/admin/verification',
  render: (p, t) => {
    const flags = [p.checkFailed && t('notifications.enterprise.flagCheckFailed'), p.outsideZone && t('notifications.enterprise.flagOutsideZone')].filter(
      (f): f is string => Boolean(f),
    );
    if (flags.length === 0) return texts(t, 'enterprise.registered', { enterprise: p.enterprise });
    return texts(t, 'enterprise.registeredFlagged', { enterprise: p.enterprise, flags: flags.join(t('notifications.enterprise.flagSeparator')) });
  },
});

export const NOTICES = {
  'application.submitted': def({
    params: toInstitution.extend({ amountFen: fen, termMonths: months }),
    link: (p) => `/institution/applications/${p.applicationId}`,
    render: (p, t) => texts(t, 'application.submitted', { product: p.product, amount: amount(t, p.amountFen), term: term(t, p.termMonths) }),
  }),
  'application.withdraw': institutionApplication('application.withdraw'),
  'application.resubmit': institutionApplication('application.resubmit'),
  'application.accept': enterpriseApplication('application.accept'),
  'application.approve': applicationApproved,
  'application.disburse': enterpriseApplication('application.disburse'),
  'application.reject': enterpriseApplicationWithReason('application.reject'),
  'application.request_materials': enterpriseApplicationWithReason('application.request_materials'),

  'match.interest': def({
    params: z.object({ needId: id, institution: text, enterprise: text }),
    link: (p) => `/enterprise/needs/${p.needId}`,
    render: (p, t) => texts(t, 'match.interest', p),
  }),
  'match.declined': def({
    params: z.object({ enterprise: text, product: text }),
    link: () => '/institution/matches',
    render: (p, t) => texts(t, 'match.declined', p),
  }),
  'match.accepted': def({
    params: z.object({ enterpriseId: id, enterprise: text, product: text }),
    link: (p) => `/institution/enterprises/${p.enterpriseId}`,
    render: (p, t) => texts(t, 'match.accepted', p),
  }),

  'loan.repay': loanMove('loan.repay'),
  'loan.mark_overdue': loanMove('loan.mark_overdue'),
  'loan.cure': loanMove('loan.cure'),
  'loan.default': loanMove('loan.default'),
  'loan.compensate': loanMove('loan.compensate'),
  'loan.write_off': loanMove('loan.write_off'),
  'loan.repayment': def({
    params: z.object({ loanId: id, principalFen: fen, interestFen: fen, outstandingFen: fen, paidOn: day }),
    link: (p) => `/enterprise/loans/${p.loanId}`,
    render: (p, t) =>
      texts(t, 'loan.repayment', {
        principal: amount(t, p.principalFen),
        interest: amount(t, p.interestFen),
        outstanding: amount(t, p.outstandingFen),
        paidOn: p.paidOn,
      }),
  }),

  'pledge.register': def({
    params: pledge.extend({ registrationNumber: text, registeredOn: day }),
    link: pledgeLink,
    render: (p, t) => texts(t, 'pledge.register', { registrationNumber: p.registrationNumber, registeredOn: p.registeredOn }),
  }),
  'pledge.release': def({ params: pledge, link: pledgeLink, render: (_p, t) => texts(t, 'pledge.release') }),
  'pledge.enforce': def({ params: pledge, link: pledgeLink, render: (_p, t) => texts(t, 'pledge.enforce') }),

  'claim.filed': def({
    params: z.object({ scheme: text, lossFen: fen, compensationFen: fen }),
    link: () => '/admin/schemes',
    render: (p, t) => texts(t, 'claim.filed', { scheme: p.scheme, loss: amount(t, p.lossFen), compensation: amount(t, p.compensationFen) }),
  }),
  'claim.approve': def({
    params: z.object({ loanId: id, scheme: text, compensationFen: fen }),
    link: (p) => `/institution/loans/${p.loanId}`,
    render: (p, t) => texts(t, 'claim.approve', { scheme: p.scheme, compensation: amount(t, p.compensationFen) }),
  }),
  'claim.reject': def({
    params: z.object({ loanId: id, reason: text }),
    link: (p) => `/institution/loans/${p.loanId}`,
    render: (p, t) => texts(t, 'claim.reject', p),
  }),
  'claim.paid': def({
    params: z.object({ loanId: id, scheme: text, paidFen: fen, approvedFen: fen }),
    link: (p) => `/institution/loans/${p.loanId}`,
    render: (p, t) => {
      const vars = { scheme: p.scheme, paid: amount(t, p.paidFen), approved: amount(t, p.approvedFen) };
      const x = texts(t, 'claim.paid', vars);
      return p.paidFen < p.approvedFen ? { ...x, body: t('notifications.claim.paid.bodyPartial', vars) } : x;
    },
  }),

  'institution.approve': institutionDecision('institution.approve', '/institution'),
  'institution.reject': institutionDecision('institution.reject', '/account/status'),
  'institution.suspend': institutionDecision('institution.suspend', '/institution'),
  'institution.reactivate': institutionDecision('institution.reactivate', '/institution'),
  'institution.registered': def({
    params: z.object({ institution: text }),
    link: () => '/admin',
    render: (p, t) => texts(t, 'institution.registered', p),
  }),

  'enterprise.verify': enterpriseDecision('enterprise.verify'),
  'enterprise.reject': enterpriseDecision('enterprise.reject'),
  'enterprise.revoke': enterpriseDecision('enterprise.revoke'),
  'enterprise.reopen': enterpriseDecision('enterprise.reopen'),
  'enterprise.registered': enterpriseRegistered,
  'enterprise.registered_uscc_override': enterpriseRegistered,
  'enterprise.registered_outside_zone': enterpriseRegistered,

  'certification.verify': certificationDecision('certification.verify'),
  'certification.reject': certificationDecision('certification.reject'),
  'certification.revoke': certificationDecision('certification.revoke'),
  'certification.reopen': certificationDecision('certification.reopen'),
  'certification.submitted': def({
    params: certification,
    link: () => '/admin/verification',
    render: (p, t) => texts(t, 'certification.submitted', { certification: certificationName(t, p) }),
  }),
  // Demo-only kinds (lib/seed/notifications.ts).
  'certification.pending': def({
    params: certification,
    link: () => '/enterprise/profile',
    render: (p, t) => texts(t, 'certification.pending', { certification: certificationName(t, p) }),
  }),
  'product.recommended': def({
    params: z.object({ productId: id, product: text }),
    link: (p) => `/products/${p.productId}`,
    render: (p, t) => texts(t, 'product.recommended', p),
  }),
  'need.stale': def({
    params: z.object({ enterprise: text, amountFen: fen, termMonths: months, postedOn: day }),
    link: () => '/admin/dashboard',
    render: (p, t) => texts(t, 'need.stale', { enterprise: p.enterprise, amount: amount(t, p.amountFen), term: term(t, p.termMonths), postedOn: p.postedOn }),
  }),
};

type NoticeKind = keyof typeof NOTICES;

/** A notification to write: its kind and that kind's parameters (amounts in fen as bigint). */
export type Notice = {
  [K in NoticeKind]: { kind: K; params: z.input<(typeof NOTICES)[K]['params']>; entity?: string; entityId?: string };
}[NoticeKind];

export function isNoticeKind(kind: string): kind is NoticeKind {
  return Object.hasOwn(NOTICES, kind);
}
