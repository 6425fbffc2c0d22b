// The access matrix: for every page, route handler and server action, what each subject gets.
// e2e/access-matrix.spec.ts fails when a page, route handler, metadata route or action exists that is not here, or an
// entry here has nothing behind it. Add the row in the same change as the route or action.
//
// Pages and routes (one GET per cell, redirects not followed):
//   200, 400, 401, 403, 404, 405   the response status (405: a route handler without GET)
//   'sign-in'                 redirect to /login?callbackUrl=<the requested path>
//   'own-area'                redirect to the subject's own area (/enterprise, /institution, /admin)
//   'account-status'          redirect to /account/status (the organisation may not act)
//   '→/path'                  redirect to exactly that path
// Actions (one call per cell, with arguments that pass no validation, so nothing changes):
//   'sign-in'                 the proxy sent the call to sign-in before it reached the action
//   an error code             { ok: false, error } from lib/server/actions.ts: 'unauthenticated',
//                             'forbidden', 'organisation_inactive', 'not_found', 'invalid'
//   'ok'                      { ok: true } or no value (setLocale)
import { emptyIpAssetForm, ipAssetFormSchema, type IpAssetFormInput } from '../../lib/validation/ip-asset';
import { emptyNeedForm, needFormSchema, type NeedFormInput } from '../../lib/validation/need';
import { emptyProductForm, productFormSchema, type ProductFormInput } from '../../lib/validation/product';
import { MALFORMED_ID, MISSING_ID, type Ids } from './ids';
import type { ActionArgs } from './server-actions';
import type { Subject } from './subjects';

export type PageOutcome = 200 | 400 | 401 | 403 | 404 | 405 | 'sign-in' | 'own-area' | 'account-status' | `→/${string}`;
export type ActionOutcome = 'sign-in' | 'unauthenticated' | 'forbidden' | 'organisation_inactive' | 'not_found' | 'invalid' | 'ok';

export interface RouteRow {
  /** The URL for the pattern, with this row's ids. */
  url: (ids: Ids) => string;
  expect: Record<Subject, PageOutcome>;
  /** The same pattern with other ids (another organisation's, unpublished, missing, malformed), for the subjects it concerns. */
  variants?: { name: string; url: (ids: Ids) => string; expect: Partial<Record<Subject, PageOutcome>> }[];
}

export interface ActionRow {
  args: (ids: Ids) => ActionArgs;
  expect: Record<Subject, ActionOutcome>;
  /** Another organisation's id, as the subject of the owning role. */
  foreign?: { name: string; subject: Subject; args: (ids: Ids) => ActionArgs; expect: ActionOutcome }[];
}

// ---------------------------------------------------------------- pages and routes

const everyone = (o: PageOutcome): Record<Subject, PageOutcome> => ({
  anon: o,
  enterprise: o,
  enterprise_rejected: o,
  institution: o,
  institution_suspended: o,
  institution_pending: o,
  admin: o,
});

/** Any signed-in user whose organisation may act; the others see their organisation's status. */
const SIGNED_IN: Record<Subject, PageOutcome> = {
  anon: 'sign-in',
  enterprise: 200,
  enterprise_rejected: 'account-status',
  institution: 200,
  institution_suspended: 'account-status',
  institution_pending: 'account-status',
  admin: 200,
};

const ENTERPRISE_PAGE: Record<Subject, PageOutcome> = { ...SIGNED_IN, institution: 'own-area', admin: 'own-area' };
const INSTITUTION_PAGE: Record<Subject, PageOutcome> = { ...SIGNED_IN, enterprise: 'own-area', admin: 'own-area' };
const ADMIN_PAGE: Record<Subject, PageOutcome> = { ...SIGNED_IN, enterprise: 'own-area', institution: 'own-area' };

/** Signed-in visitors of the sign-in page go where they would after signing in. */
const SIGNED_OUT_ONLY: Record<Subject, PageOutcome> = {
  anon: 200,
  enterprise: 'own-area',
  enterprise_rejected: 'account-status',
  institution: 'own-area',
  institution_suspended: 'account-status',
  institution_pending: 'account-status',
  admin: 'own-area',
};

const enterpriseRecord = (base: string, key: 'application' | 'ipAsset' | 'loan' | 'need'): RouteRow => ({
  url: (ids) => `${base}/${ids.enterprise[key]}`,
  expect: ENTERPRISE_PAGE,
  variants: [
    { name: 'another enterprise’s', url: (ids) => `${base}/${ids.otherEnterprise[key]}`, expect: { enterprise: 404 } },
    { name: 'malformed', url: () => `${base}/${MALFORMED_ID}`, expect: { enterprise: 404 } },
  ],
});

const institutionRecord = (base: string, key: 'application' | 'loan' | 'product'): RouteRow => ({
  url: (ids) => `${base}/${ids.institution[key]}`,
  expect: INSTITUTION_PAGE,
  variants: [
    { name: 'another institution’s', url: (ids) => `${base}/${ids.otherInstitution[key]}`, expect: { institution: 404 } },
    { name: 'malformed', url: () => `${base}/${MALFORMED_ID}`, expect: { institution: 404 } },
  ],
});

const page = (url: string, expect: Record<Subject, PageOutcome>): RouteRow => ({ url: () => url, expect });

export const ROUTES: Record<string, RouteRow> = {
  // Public pages.
  '/': page('/', everyone(200)),
  '/products': page('/products', everyone(200)),
  '/products/compare': page('/products/compare', everyone(200)),
  '/products/[id]': {
    url: (ids) => `/products/${ids.publishedProduct}`,
    expect: everyone(200),
    variants: [
      {
        name: 'another institution’s unpublished',
        url: (ids) => `/products/${ids.otherInstitution.unpublishedProduct}`,
        expect: { anon: 404, enterprise: 404, institution: 404 },
      },
      { name: 'malformed', url: () => `/products/${MALFORMED_ID}`, expect: { anon: 404 } },
    ],
  },
  '/register': page('/register', everyone(200)),
  '/register/enterprise': page('/register/enterprise', everyone(200)),
  '/register/institution': page('/register/institution', everyone(200)),
  '/set-password': page('/set-password', everyone(200)),
  '/login': page('/login', SIGNED_OUT_ONLY),
  '/after-sign-in': page('/after-sign-in', { ...SIGNED_OUT_ONLY, anon: '→/login' }),

  // Any signed-in user.
  '/notifications': page('/notifications', SIGNED_IN),
  '/account/status': page('/account/status', { ...everyone(200), anon: 'sign-in' }),

  // The enterprise's pages.
  '/products/[id]/apply': {
    url: (ids) => `/products/${ids.publishedProduct}/apply`,
    expect: ENTERPRISE_PAGE,
    variants: [
      { name: 'another institution’s unpublished', url: (ids) => `/products/${ids.otherInstitution.unpublishedProduct}/apply`, expect: { enterprise: 404 } },
      { name: 'malformed', url: () => `/products/${MALFORMED_ID}/apply`, expect: { enterprise: 404 } },
    ],
  },
  '/enterprise': page('/enterprise', ENTERPRISE_PAGE),
  '/enterprise/applications': page('/enterprise/applications', ENTERPRISE_PAGE),
  '/enterprise/applications/[id]': enterpriseRecord('/enterprise/applications', 'application'),
  '/enterprise/ip': page('/enterprise/ip', ENTERPRISE_PAGE),
  '/enterprise/documents': page('/enterprise/documents', ENTERPRISE_PAGE),
  '/enterprise/ip/new': page('/enterprise/ip/new', ENTERPRISE_PAGE),
  '/enterprise/ip/[id]': enterpriseRecord('/enterprise/ip', 'ipAsset'),
  // A rejected or revoked enterprise still reads its own loans (a revocation does not end a loan contract), and no one else's.
  '/enterprise/loans': page('/enterprise/loans', { ...ENTERPRISE_PAGE, enterprise_rejected: 200 }),
  '/enterprise/loans/[id]': {
    url: (ids) => `/enterprise/loans/${ids.enterprise.loan}`,
    expect: { ...ENTERPRISE_PAGE, enterprise_rejected: 404 },
    variants: [
      { name: 'another enterprise’s', url: (ids) => `/enterprise/loans/${ids.otherEnterprise.loan}`, expect: { enterprise: 404 } },
      { name: 'malformed', url: () => `/enterprise/loans/${MALFORMED_ID}`, expect: { enterprise: 404, enterprise_rejected: 404 } },
    ],
  },
  '/enterprise/needs': page('/enterprise/needs', ENTERPRISE_PAGE),
  '/enterprise/needs/new': page('/enterprise/needs/new', ENTERPRISE_PAGE),
  '/enterprise/needs/[id]': enterpriseRecord('/enterprise/needs', 'need'),
  '/enterprise/profile': page('/enterprise/profile', ENTERPRISE_PAGE),
  '/enterprise/score': page('/enterprise/score', ENTERPRISE_PAGE),

  // The institution's pages.
  '/institution': page('/institution', INSTITUTION_PAGE),
  '/institution/applications': page('/institution/applications', INSTITUTION_PAGE),
  '/institution/applications/[id]': institutionRecord('/institution/applications', 'application'),
  '/institution/loans': page('/institution/loans', INSTITUTION_PAGE),
  '/institution/loans/[id]': institutionRecord('/institution/loans', 'loan'),
  '/institution/products': page('/institution/products', INSTITUTION_PAGE),
  '/institution/products/new': page('/institution/products/new', INSTITUTION_PAGE),
  '/institution/products/[id]': institutionRecord('/institution/products', 'product'),
  '/institution/matches': page('/institution/matches', INSTITUTION_PAGE),
  '/institution/needs': page('/institution/needs', INSTITUTION_PAGE),
  // Any institution reviews any enterprise's public facts (financials only under consent).
  '/institution/enterprises/[id]': {
    url: (ids) => `/institution/enterprises/${ids.enterprise.id}`,
    expect: INSTITUTION_PAGE,
    variants: [
      { name: 'missing', url: () => `/institution/enterprises/${MISSING_ID}`, expect: { institution: 404 } },
      { name: 'malformed', url: () => `/institution/enterprises/${MALFORMED_ID}`, expect: { institution: 404 } },
    ],
  },

  // The admins' pages.
  '/admin': page('/admin', ADMIN_PAGE),
  '/admin/audit': page('/admin/audit', ADMIN_PAGE),
  '/admin/dashboard': page('/admin/dashboard', ADMIN_PAGE),
  '/admin/dashboard/list/[kind]': {
    url: () => '/admin/dashboard/list/loans',
    expect: ADMIN_PAGE,
    variants: [{ name: 'unknown list', url: () => '/admin/dashboard/list/users', expect: { admin: 404 } }],
  },
  '/admin/institutions': page('/admin/institutions', ADMIN_PAGE),
  '/admin/schemes': page('/admin/schemes', ADMIN_PAGE),
  '/admin/users': page('/admin/users', ADMIN_PAGE),
  '/admin/verification': page('/admin/verification', ADMIN_PAGE),
  '/admin/documents': page('/admin/documents', ADMIN_PAGE),
  '/admin/weights': page('/admin/weights', ADMIN_PAGE),
  '/admin/calendar': page('/admin/calendar', ADMIN_PAGE),
  '/admin/categories': page('/admin/categories', ADMIN_PAGE),

  // Route handlers. The proxy sends visitors of /admin/** to sign-in before the handler's own 401.
  '/admin/dashboard/export': page('/admin/dashboard/export?table=figures&format=csv', {
    anon: 'sign-in',
    enterprise: 403,
    enterprise_rejected: 403,
    institution: 403,
    institution_suspended: 403,
    institution_pending: 403,
    admin: 200,
  }),
  '/api/auth/[...nextauth]': page('/api/auth/session', everyone(200)),
  // The bench's ceiling (bench/app.ts): fixed JSON, public.
  '/api/bench/static': page('/api/bench/static', everyone(200)),
  // Document uploads are POST only (lib/documents/vault.int.test.ts tests who may upload).
  '/api/documents': page('/api/documents', everyone(405)),
  // A version's content: its enterprise, an institution it was shared with under consent, an admin with a reason;
  // the rules with real documents: lib/documents/vault.int.test.ts and e2e/documents.spec.ts.
  '/api/documents/[versionId]': {
    url: () => `/api/documents/${MISSING_ID}`,
    expect: { anon: 401, enterprise: 404, enterprise_rejected: 403, institution: 404, institution_suspended: 403, institution_pending: 403, admin: 404 },
    variants: [{ name: 'malformed', url: () => `/api/documents/${MALFORMED_ID}`, expect: { enterprise: 404, institution: 404, admin: 404 } }],
  },
  '/api/health': page('/api/health', everyone(200)),
  '/api/health/live': page('/api/health/live', everyone(200)),
  '/api/health/ready': page('/api/health/ready', everyone(200)),
  // Loopback (the tests' address) may read it; other addresses and a configured METRICS_TOKEN: e2e/metrics.spec.ts, lib/server/metrics-access.test.ts.
  '/api/metrics': page('/api/metrics', everyone(200)),
  '/api/v1/figures': page('/api/v1/figures', everyone(200)),
  '/api/v1/openapi.json': page('/api/v1/openapi.json', everyone(200)),
  '/api/v1/product-categories': page('/api/v1/product-categories', everyone(200)),
  '/api/v1/products': page('/api/v1/products', everyone(200)),
  // App icons and the web manifest (metadata files in app/).
  '/favicon.ico': page('/favicon.ico', everyone(200)),
  '/icon.png': page('/icon.png', everyone(200)),
  '/apple-icon.png': page('/apple-icon.png', everyone(200)),
  '/manifest.webmanifest': page('/manifest.webmanifest', everyone(200)),
  '/api/v1/products/[id]': {
    url: (ids) => `/api/v1/products/${ids.publishedProduct}`,
    expect: everyone(200),
    variants: [
      {
        name: 'another institution’s unpublished',
        url: (ids) => `/api/v1/products/${ids.otherInstitution.unpublishedProduct}`,
        expect: { anon: 404, institution: 404 },
      },
      { name: 'malformed', url: () => `/api/v1/products/${MALFORMED_ID}`, expect: { anon: 404 } },
    ],
  },
};

// ---------------------------------------------------------------- server actions

/** Not an object: every action's schema refuses it after the gate, so nothing changes. */
const NOT_INPUT = 'not an object';
const gateOnly = (): ActionArgs => [NOT_INPUT];

const PUBLIC_ACTION: Record<Subject, ActionOutcome> = {
  anon: 'invalid',
  enterprise: 'invalid',
  enterprise_rejected: 'invalid',
  institution: 'invalid',
  institution_suspended: 'invalid',
  institution_pending: 'invalid',
  admin: 'invalid',
};

/** An organisation that may not act is refused before its role is looked at. */
const INACTIVE_REFUSED = {
  enterprise_rejected: 'organisation_inactive',
  institution_suspended: 'organisation_inactive',
  institution_pending: 'organisation_inactive',
} as const;

/** Called from a page under /enterprise, /institution or /admin, which the proxy keeps from visitors. */
const enterpriseAction = (anon: ActionOutcome = 'sign-in'): Record<Subject, ActionOutcome> => ({
  anon,
  enterprise: 'invalid',
  institution: 'forbidden',
  admin: 'forbidden',
  ...INACTIVE_REFUSED,
});
const INSTITUTION_ACTION: Record<Subject, ActionOutcome> = {
  anon: 'sign-in',
  enterprise: 'forbidden',
  institution: 'invalid',
  admin: 'forbidden',
  ...INACTIVE_REFUSED,
};
const ADMIN_ACTION: Record<Subject, ActionOutcome> = {
  anon: 'sign-in',
  enterprise: 'forbidden',
  institution: 'forbidden',
  admin: 'invalid',
  ...INACTIVE_REFUSED,
};

/** Form values that pass validation, so that only the id can be refused. Checked against the schema by the spec. */
export const VALID_FORMS = {
  need: { ...emptyNeedForm, amountWan: '100', termMonths: '12', purpose: 'working_capital', guaranteeMethods: ['credit'] } satisfies NeedFormInput,
  ipAsset: { ...emptyIpAssetForm, kind: 'trademark', number: '12345678', title: '科睿', owners: '佛山市南海区科睿智能装备有限公司' } satisfies IpAssetFormInput,
  product: {
    ...emptyProductForm,
    name: '访问矩阵测试产品',
    category: 'points',
    summary: '仅用于访问控制测试',
    amountMinWan: '10',
    amountMaxWan: '100',
    termMinMonths: '6',
    termMaxMonths: '12',
    rateMin: '3.00',
    rateMax: '4.00',
    guaranteeMethods: ['credit'],
    repaymentMethods: ['bullet'],
  } satisfies ProductFormInput,
};
export const FORM_SCHEMAS = { need: needFormSchema, ipAsset: ipAssetFormSchema, product: productFormSchema };

const TODAY = '2026-11-20';

const asEnterprise = (name: string, args: (ids: Ids) => ActionArgs) => [{ name, subject: 'enterprise' as const, args, expect: 'not_found' as const }];
const asInstitution = (name: string, args: (ids: Ids) => ActionArgs) => [{ name, subject: 'institution' as const, args, expect: 'not_found' as const }];

export const ACTIONS: Record<string, ActionRow> = {
  // Public.
  'app/actions/locale.ts#setLocale': {
    args: () => ({ form: { locale: 'zh' } }),
    expect: { anon: 'ok', enterprise: 'ok', enterprise_rejected: 'ok', institution: 'ok', institution_suspended: 'ok', institution_pending: 'ok', admin: 'ok' },
  },
  'app/(auth)/register/actions.ts#registerEnterpriseAction': { args: gateOnly, expect: PUBLIC_ACTION },
  'app/(auth)/register/actions.ts#registerInstitutionAction': { args: gateOnly, expect: PUBLIC_ACTION },
  'app/set-password/actions.ts#setPasswordAction': { args: gateOnly, expect: PUBLIC_ACTION },

  // Any signed-in user; /notifications is outside the proxy's areas, so visitors reach the action.
  'app/notifications/actions.ts#markAllReadAction': {
    args: gateOnly,
    expect: { anon: 'unauthenticated', enterprise: 'invalid', institution: 'invalid', admin: 'invalid', ...INACTIVE_REFUSED },
  },

  // The enterprise's.
  'app/products/[id]/apply/actions.ts#submitApplicationAction': {
    args: gateOnly,
    expect: enterpriseAction('unauthenticated'),
    foreign: asEnterprise('another enterprise’s need', (ids) => [
      {
        productId: ids.publishedProduct,
        needId: ids.otherEnterprise.need,
        amountWan: '100',
        termMonths: '12',
        ipAssetIds: [],
        idempotencyKey: 'access-matrix-foreign-need',
      },
    ]),
  },
  'app/enterprise/applications/actions.ts#withdrawApplicationAction': {
    args: gateOnly,
    expect: enterpriseAction(),
    foreign: asEnterprise('another enterprise’s application', (ids) => [{ applicationId: ids.otherEnterprise.application }]),
  },
  'app/enterprise/applications/actions.ts#resubmitApplicationAction': {
    args: gateOnly,
    expect: enterpriseAction(),
    foreign: asEnterprise('another enterprise’s application', (ids) => [{ applicationId: ids.otherEnterprise.application, documentIds: [] }]),
  },
  // Withdrawing a consent stays open to a rejected enterprise (posted from /account/status, which
  // visitors reach unredirected); others are refused by role.
  'app/enterprise/documents/actions.ts#revokeConsentAction': {
    args: gateOnly,
    expect: { ...enterpriseAction('unauthenticated'), enterprise_rejected: 'invalid', institution_suspended: 'forbidden', institution_pending: 'forbidden' },
  },
  'app/enterprise/ip/actions.ts#createIpAssetAction': { args: gateOnly, expect: enterpriseAction() },
  'app/enterprise/ip/actions.ts#updateIpAssetAction': {
    args: () => [MISSING_ID, NOT_INPUT],
    expect: enterpriseAction(),
    foreign: asEnterprise('another enterprise’s asset', (ids) => [ids.otherEnterprise.ipAsset, VALID_FORMS.ipAsset]),
  },
  'app/enterprise/ip/actions.ts#deleteIpAssetAction': {
    args: gateOnly,
    expect: enterpriseAction(),
    foreign: asEnterprise('another enterprise’s asset', (ids) => [{ assetId: ids.otherEnterprise.ipAsset }]),
  },
  'app/enterprise/needs/actions.ts#createNeedAction': { args: gateOnly, expect: enterpriseAction() },
  'app/enterprise/needs/actions.ts#updateNeedAction': {
    args: () => [MISSING_ID, NOT_INPUT],
    expect: enterpriseAction(),
    foreign: asEnterprise('another enterprise’s need', (ids) => [ids.otherEnterprise.need, VALID_FORMS.need]),
  },
  'app/enterprise/needs/actions.ts#needTransitionAction': {
    args: gateOnly,
    expect: enterpriseAction(),
    foreign: asEnterprise('another enterprise’s need', (ids) => [{ needId: ids.otherEnterprise.need, action: 'withdraw' }]),
  },
  'app/enterprise/needs/[id]/match-actions.ts#respondToInterestAction': {
    args: gateOnly,
    expect: enterpriseAction(),
    foreign: asEnterprise('an interest in another enterprise’s need', (ids) => [{ matchId: ids.otherEnterprise.match, accept: false }]),
  },
  'app/enterprise/profile/actions.ts#updateProfileAction': { args: gateOnly, expect: enterpriseAction() },
  'app/enterprise/profile/actions.ts#addCertificationAction': { args: gateOnly, expect: enterpriseAction() },
  'app/enterprise/profile/actions.ts#removeCertificationAction': {
    args: gateOnly,
    expect: enterpriseAction(),
    foreign: asEnterprise('another enterprise’s certification', (ids) => [{ id: ids.otherEnterprise.certification }]),
  },
  'app/enterprise/profile/actions.ts#inviteColleagueAction': { args: gateOnly, expect: enterpriseAction() },
  'app/enterprise/score/actions.ts#saveInnovationInputsAction': { args: gateOnly, expect: enterpriseAction() },

  // The institution's.
  'app/institution/applications/actions.ts#decideApplicationAction': {
    args: gateOnly,
    expect: INSTITUTION_ACTION,
    foreign: asInstitution('an application to another institution', (ids) => [{ applicationId: ids.otherInstitution.application, action: 'accept' }]),
  },
  'app/institution/loans/actions.ts#recordRepaymentAction': {
    args: gateOnly,
    expect: INSTITUTION_ACTION,
    foreign: asInstitution('another institution’s loan', (ids) => [{ loanId: ids.otherInstitution.loan, principalWan: '1', interestWan: '0', paidOn: TODAY }]),
  },
  'app/institution/loans/actions.ts#loanTransitionAction': {
    args: gateOnly,
    expect: INSTITUTION_ACTION,
    foreign: asInstitution('another institution’s loan', (ids) => [{ loanId: ids.otherInstitution.loan, action: 'mark_overdue' }]),
  },
  'app/institution/loans/actions.ts#fileClaimAction': {
    args: gateOnly,
    expect: INSTITUTION_ACTION,
    foreign: asInstitution('another institution’s loan', (ids) => [{ loanId: ids.otherInstitution.loan, lossWan: '1' }]),
  },
  'app/institution/loans/actions.ts#registerPledgeAction': {
    args: gateOnly,
    expect: INSTITUTION_ACTION,
    foreign: asInstitution('another institution’s pledge', (ids) => [
      { pledgeId: ids.otherInstitution.pledge, registrationNumber: 'Y2026440000001', registeredOn: TODAY },
    ]),
  },
  'app/institution/loans/actions.ts#enforcePledgeAction': {
    args: gateOnly,
    expect: INSTITUTION_ACTION,
    foreign: asInstitution('another institution’s pledge', (ids) => [{ pledgeId: ids.otherInstitution.pledge }]),
  },
  'app/institution/matches/actions.ts#expressInterestAction': {
    args: gateOnly,
    expect: INSTITUTION_ACTION,
    foreign: asInstitution('another institution’s product', (ids) => [{ needId: ids.otherEnterprise.need, productId: ids.otherInstitution.product }]),
  },
  'app/institution/products/actions.ts#createProductAction': { args: gateOnly, expect: INSTITUTION_ACTION },
  'app/institution/products/actions.ts#updateProductAction': {
    args: () => [MISSING_ID, NOT_INPUT],
    expect: INSTITUTION_ACTION,
    foreign: asInstitution('another institution’s product', (ids) => [ids.otherInstitution.product, VALID_FORMS.product]),
  },
  'app/institution/products/actions.ts#productTransitionAction': {
    args: gateOnly,
    expect: INSTITUTION_ACTION,
    foreign: asInstitution('another institution’s product', (ids) => [{ productId: ids.otherInstitution.product, action: 'suspend' }]),
  },

  // The admins'. Admins act for no organisation, so there is no foreign id.
  'app/admin/actions.ts#decideInstitutionAction': { args: gateOnly, expect: ADMIN_ACTION },
  'app/admin/schemes/actions.ts#recordContributionAction': { args: gateOnly, expect: ADMIN_ACTION },
  'app/admin/schemes/actions.ts#decideClaimAction': { args: gateOnly, expect: ADMIN_ACTION },
  'app/admin/schemes/actions.ts#payClaimAction': { args: gateOnly, expect: ADMIN_ACTION },
  'app/admin/users/actions.ts#setUserStatusAction': { args: gateOnly, expect: ADMIN_ACTION },
  'app/admin/users/actions.ts#issuePasswordResetAction': { args: gateOnly, expect: ADMIN_ACTION },
  'app/admin/users/actions.ts#signOutEverywhereAction': { args: gateOnly, expect: ADMIN_ACTION },
  'app/admin/verification/actions.ts#decideEnterpriseAction': { args: gateOnly, expect: ADMIN_ACTION },
  'app/admin/verification/actions.ts#decideCertificationAction': { args: gateOnly, expect: ADMIN_ACTION },
  'app/admin/weights/actions.ts#publishWeightSetAction': { args: gateOnly, expect: ADMIN_ACTION },
  'app/admin/calendar/actions.ts#setCalendarDayAction': { args: gateOnly, expect: ADMIN_ACTION },
  'app/admin/calendar/actions.ts#removeCalendarDayAction': { args: gateOnly, expect: ADMIN_ACTION },
  'app/admin/categories/actions.ts#addCategoryAction': { args: gateOnly, expect: ADMIN_ACTION },
  'app/admin/categories/actions.ts#editCategoryAction': { args: gateOnly, expect: ADMIN_ACTION },
  'app/admin/categories/actions.ts#removeCategoryAction': { args: gateOnly, expect: ADMIN_ACTION },
};
