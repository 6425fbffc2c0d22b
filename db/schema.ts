// The whole data model of DESIGN.md §2. Money is integer fen (bigint), rates are basis points.
// Invariants that matter (one live pledge per asset, non-negative fund balance, min ≤ max) are
// database constraints, not JavaScript checks.
import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  APPLICATION_STATES,
  CERTIFICATION_KINDS,
  CLAIM_STATES,
  COMPANY_STAGES,
  GUARANTEE_METHODS,
  INSTITUTION_KINDS,
  INSTITUTION_STATES,
  IP_KINDS,
  IP_STATES,
  LOAN_STATES,
  MATCH_SOURCES,
  MATCH_STATES,
  MEMBER_ROLES,
  NEED_PURPOSES,
  NEED_STATES,
  PLEDGE_STATES,
  PRODUCT_STATES,
  RATE_TYPES,
  REPAYMENT_METHODS,
  SCHEME_KINDS,
  USER_ROLES,
  USER_STATES,
  VERIFICATION_STATES,
} from './enums';

const fen = (name: string) => bigint(name, { mode: 'bigint' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => ts('created_at').notNull().defaultNow();
const updatedAt = () => ts('updated_at').notNull().defaultNow();

// ---------------------------------------------------------------- enums (values in db/enums.ts)
export const institutionKind = pgEnum('institution_kind', INSTITUTION_KINDS);
export const institutionStatus = pgEnum('institution_status', INSTITUTION_STATES);
export const verificationStatus = pgEnum('verification_status', VERIFICATION_STATES);
export const certificationKind = pgEnum('certification_kind', CERTIFICATION_KINDS);
export const userRole = pgEnum('user_role', USER_ROLES);
export const memberRole = pgEnum('member_role', MEMBER_ROLES);
export const userStatus = pgEnum('user_status', USER_STATES);
export const guaranteeMethod = pgEnum('guarantee_method', GUARANTEE_METHODS);
export const repaymentMethod = pgEnum('repayment_method', REPAYMENT_METHODS);
export const productStatus = pgEnum('product_status', PRODUCT_STATES);
export const rateType = pgEnum('rate_type', RATE_TYPES);
export const needPurpose = pgEnum('need_purpose', NEED_PURPOSES);
export const needStatus = pgEnum('need_status', NEED_STATES);
export const matchSource = pgEnum('match_source', MATCH_SOURCES);
export const matchStatus = pgEnum('match_status', MATCH_STATES);
export const applicationStatus = pgEnum('application_status', APPLICATION_STATES);
export const loanStatus = pgEnum('loan_status', LOAN_STATES);
export const ipKind = pgEnum('ip_kind', IP_KINDS);
export const ipStatus = pgEnum('ip_status', IP_STATES);
export const pledgeStatus = pgEnum('pledge_status', PLEDGE_STATES);
export const schemeKind = pgEnum('scheme_kind', SCHEME_KINDS);
export const claimStatus = pgEnum('claim_status', CLAIM_STATES);
export const companyStage = pgEnum('company_stage', COMPANY_STAGES);

// ---------------------------------------------------------------- zone and organisations
export const parks = pgTable('parks', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  districtCode: text('district_code').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const institutions = pgTable(
  'institutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: institutionKind('kind').notNull(),
    uscc: text('uscc').notNull().unique(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    contactEmail: text('contact_email').notNull(),
    status: institutionStatus('status').notNull().default('pending'),
    // Why the zone turned the application down (status 'rejected'); the institution's users read it.
    rejectionReason: text('rejection_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('institutions_status_idx').on(t.status)],
);

export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Null once the zone released it (an admin's rejection found the code was not this registrant's:
    // the company it names may then register); the released code is kept beside it.
    uscc: text('uscc').unique(),
    usccReleased: text('uscc_released'),
    // The user confirmed a code that fails the GB 32100 check exactly as printed on the licence.
    usccCheckOverridden: boolean('uscc_check_overridden').notNull().default(false),
    name: text('name').notNull(),
    parkId: integer('park_id')
      .notNull()
      .references(() => parks.id),
    industry: text('industry').notNull(), // GB/T 4754 section letter A–T
    foundedOn: date('founded_on', { mode: 'string' }).notNull(),
    registeredCapitalFen: fen('registered_capital_fen').notNull(),
    employees: integer('employees').notNull(),
    revenueFen: fen('revenue_fen').notNull(),
    rndExpenseFen: fen('rnd_expense_fen').notNull(),
    verificationStatus: verificationStatus('verification_status').notNull().default('unverified'),
    verificationNote: text('verification_note'),
    verifiedAt: ts('verified_at'),
    verifiedBy: uuid('verified_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('enterprises_park_idx').on(t.parkId),
    index('enterprises_verification_idx').on(t.verificationStatus, t.createdAt),
    // The ids of rejected enterprises, whose needs leave the board and the fits (needOfAdmittedEnterprise):
    // read from the index alone, not from one heap page per enterprise (60 of 126 ms at tier M).
    index('enterprises_rejected_idx').on(t.id).where(sql`${t.verificationStatus} = 'rejected'`),
    // The service centre looks a released code up (/admin/verification?code=): the few released ones only.
    index('enterprises_uscc_released_idx').on(t.usccReleased).where(sql`${t.usccReleased} is not null`),
    // The dashboard's registered-enterprises list, newest first (1M enterprises sorted per page: 1.1 s).
    index('enterprises_created_idx').on(t.createdAt.desc().nullsFirst(), t.id),
    check('enterprises_industry_chk', sql`${t.industry} ~ '^[A-T]$'`),
    check('enterprises_amounts_chk', sql`${t.registeredCapitalFen} >= 0 and ${t.revenueFen} >= 0 and ${t.rndExpenseFen} >= 0 and ${t.employees} >= 0`),
    check('enterprises_uscc_or_released_chk', sql`${t.uscc} is not null or ${t.usccReleased} is not null`),
  ],
);

export const certifications = pgTable(
  'certifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    kind: certificationKind('kind').notNull(),
    number: text('number').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }).notNull(),
    verificationStatus: verificationStatus('verification_status').notNull().default('unverified'),
    verificationNote: text('verification_note'),
    verifiedAt: ts('verified_at'),
    verifiedBy: uuid('verified_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('certifications_enterprise_idx').on(t.enterpriseId),
    index('certifications_verification_idx').on(t.verificationStatus, t.createdAt),
    // One certificate number per enterprise; across enterprises only one may hold it verified, so a
    // stranger claiming a company's number neither blocks the company nor learns that it exists.
    uniqueIndex('certifications_enterprise_kind_number_uq').on(t.enterpriseId, t.kind, t.number),
    uniqueIndex('certifications_verified_kind_number_uq').on(t.kind, t.number).where(sql`${t.verificationStatus} = 'verified'`),
    check('certifications_dates_chk', sql`${t.validFrom} <= ${t.validTo}`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    email: text('email').notNull().unique(), // stored lower-case
    passwordHash: text('password_hash').notNull(),
    role: userRole('role').notNull(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    institutionId: uuid('institution_id').references(() => institutions.id),
    memberRole: memberRole('member_role'),
    status: userStatus('status').notNull().default('active'),
    // Bumped when the password is set or reset, the user is disabled, or an admin signs the user out
    // everywhere: a session (JWT) carrying an older version is refused where the actor is loaded.
    sessionVersion: integer('session_version').notNull().default(0),
    lastLoginAt: ts('last_login_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('users_enterprise_idx').on(t.enterpriseId),
    index('users_institution_idx').on(t.institutionId),
    // The admins' user list, newest first (a province's 1M users sorted per page view: 0.58 s).
    index('users_created_idx').on(t.createdAt.desc().nullsFirst(), t.id),
    check('users_email_lower_chk', sql`${t.email} = lower(${t.email})`),
    check(
      'users_organisation_chk',
      sql`(${t.role} = 'admin' and ${t.enterpriseId} is null and ${t.institutionId} is null)
       or (${t.role} = 'enterprise' and ${t.enterpriseId} is not null and ${t.institutionId} is null and ${t.memberRole} is not null)
       or (${t.role} = 'institution' and ${t.institutionId} is not null and ${t.enterpriseId} is null and ${t.memberRole} is not null)`,
    ),
  ],
);

/** Every sign-in attempt, so the failure limit holds across app instances. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    // The nonce of a valid device cookie the browser presented (OWASP device cookies), else null.
    device: text('device'),
    succeeded: boolean('succeeded').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_email_at_idx').on(t.email, t.at),
    index('login_attempts_ip_at_idx').on(t.ip, t.at),
    index('login_attempts_device_at_idx').on(t.device, t.at).where(sql`${t.device} is not null`),
  ],
);

/** Every self-registration, so the per-address registration limit holds across app instances. */
export const registrationAttempts = pgTable(
  'registration_attempts',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    ip: text('ip').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('registration_attempts_ip_at_idx').on(t.ip, t.at)],
);

export const passwordResetTokens = pgTable('password_reset_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
});

/** Small key/value settings, e.g. the auth secret generated for the embedded database. */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: updatedAt(),
});

// ---------------------------------------------------------------- innovation score (企业创新积分)
export const innovationWeightSets = pgTable('innovation_weight_sets', {
  id: serial('id').primaryKey(),
  version: integer('version').notNull().unique(),
  name: text('name').notNull(),
  // { stages: { startup: { indicatorKey: weight, ... }, growth: ..., mature: ... }, caps: {...} }
  weights: jsonb('weights').notNull(),
  publishedAt: ts('published_at'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
});

export const innovationInputs = pgTable(
  'innovation_inputs',
  {
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    period: text('period').notNull(), // fiscal year, e.g. '2025'
    data: jsonb('data').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.period] })],
);

export const innovationScores = pgTable(
  'innovation_scores',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    total: numeric('total', { precision: 6, scale: 2 }).notNull(),
    stage: companyStage('stage').notNull(),
    weightSetId: integer('weight_set_id')
      .notNull()
      .references(() => innovationWeightSets.id),
    breakdown: jsonb('breakdown').notNull(),
    computedAt: ts('computed_at').notNull().defaultNow(),
  },
  (t) => [index('innovation_scores_enterprise_idx').on(t.enterpriseId, t.computedAt)],
);

// ---------------------------------------------------------------- rates
export const lprRates = pgTable('lpr_rates', {
  id: serial('id').primaryKey(),
  effectiveOn: date('effective_on', { mode: 'string' }).notNull().unique(),
  oneYearBp: integer('one_year_bp').notNull(),
  fiveYearBp: integer('five_year_bp').notNull(),
});

// ---------------------------------------------------------------- risk-sharing schemes
export const riskSchemes = pgTable(
  'risk_schemes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: schemeKind('kind').notNull(),
    // Codes of product_categories (an array cannot carry a foreign key; the seed and the admin write known codes).
    eligibleCategories: text('eligible_categories').array().notNull(),
    // Shares of a loss, basis points of the loss; they add up to 10 000.
    shareFundBp: integer('share_fund_bp').notNull(),
    shareBankBp: integer('share_bank_bp').notNull(),
    shareGuarantorBp: integer('share_guarantor_bp').notNull().default(0),
    shareInsurerBp: integer('share_insurer_bp').notNull().default(0),
    shareEvaluatorBp: integer('share_evaluator_bp').notNull().default(0),
    capPerLoanFen: fen('cap_per_loan_fen').notNull(),
    leverageCap: numeric('leverage_cap', { precision: 6, scale: 2 }), // loans enrolled ≤ cap × fund
    balanceFen: fen('balance_fen').notNull().default(sql`0`),
    createdAt: createdAt(),
  },
  (t) => [
    check('risk_schemes_balance_chk', sql`${t.balanceFen} >= 0`),
    check('risk_schemes_shares_chk', sql`${t.shareFundBp} + ${t.shareBankBp} + ${t.shareGuarantorBp} + ${t.shareInsurerBp} + ${t.shareEvaluatorBp} = 10000`),
  ],
);

export const schemeContributions = pgTable(
  'scheme_contributions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => riskSchemes.id),
    amountFen: fen('amount_fen').notNull(),
    contributedOn: date('contributed_on', { mode: 'string' }).notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('scheme_contributions_scheme_idx').on(t.schemeId, t.contributedOn), check('scheme_contributions_amount_chk', sql`${t.amountFen} > 0`)],
);

// ---------------------------------------------------------------- products
// Product categories are the zone's data, not code (DESIGN §1): another zone adds or renames its own
// at /admin/categories. Migration 0029 enters the Foshan zone's seven. `pledgesIp`: an application
// to a product of the category pledges IP assets (知识产权质押贷), chosen when the category is added.
export const productCategories = pgTable(
  'product_categories',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    pledgesIp: boolean('pledges_ip').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    // Two categories of one name would be two identical options in every list.
    uniqueIndex('product_categories_name_uq').on(t.name),
    uniqueIndex('product_categories_name_en_uq').on(sql`lower(${t.nameEn})`),
    check('product_categories_code_chk', sql`${t.code} ~ '^[a-z][a-z0-9_]{1,31}$'`),
    check('product_categories_name_chk', sql`char_length(${t.name}) between 1 and 20 and char_length(${t.nameEn}) between 1 and 40`),
  ],
);

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    name: text('name').notNull(),
    category: text('category')
      .notNull()
      .references(() => productCategories.code),
    summary: text('summary').notNull(),
    description: text('description').notNull().default(''),
    amountMinFen: fen('amount_min_fen').notNull(),
    amountMaxFen: fen('amount_max_fen').notNull(),
    termMinMonths: integer('term_min_months').notNull(),
    termMaxMonths: integer('term_max_months').notNull(),
    rateType: rateType('rate_type').notNull().default('fixed'),
    // fixed: annual rate range; lpr_spread: spread over the 1-year LPR.
    rateMinBp: integer('rate_min_bp').notNull(),
    rateMaxBp: integer('rate_max_bp').notNull(),
    feeBp: integer('fee_bp').notNull().default(0), // annualised fees
    subsidyBp: integer('subsidy_bp').notNull().default(0), // interest subsidy (贴息)
    guaranteeMethods: guaranteeMethod('guarantee_methods').array().notNull(),
    repaymentMethods: repaymentMethod('repayment_methods').array().notNull(),
    requiredCertifications: certificationKind('required_certifications').array().notNull().default(sql`'{}'`),
    minInnovationScore: numeric('min_innovation_score', { precision: 6, scale: 2 }),
    minYearsInOperation: integer('min_years_in_operation'),
    eligibleParkIds: integer('eligible_park_ids').array().notNull().default(sql`'{}'`), // empty: every park
    eligibleIndustries: text('eligible_industries').array().notNull().default(sql`'{}'`), // empty: every industry
    maxEmployees: integer('max_employees'),
    maxRevenueFen: fen('max_revenue_fen'),
    zoneExclusive: boolean('zone_exclusive').notNull().default(false),
    requiredDocuments: text('required_documents').array().notNull().default(sql`'{}'`),
    schemeId: uuid('scheme_id').references(() => riskSchemes.id),
    status: productStatus('status').notNull().default('draft'),
    publishedAt: ts('published_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Search grams of name, summary and description (krt_grams, migration 0002).
    searchGrams: text('search_grams').array().notNull().generatedAlwaysAs(sql`krt_grams(name || ' ' || summary || ' ' || description)`),
  },
  (t) => [
    index('products_search_grams_idx').using('gin', t.searchGrams).where(sql`${t.status} = 'published'`),
    index('products_published_at_idx').on(t.publishedAt).where(sql`${t.status} = 'published'`),
    index('products_published_category_idx').on(t.category, t.publishedAt).where(sql`${t.status} = 'published'`),
    index('products_published_institution_idx').on(t.institutionId, t.publishedAt).where(sql`${t.status} = 'published'`),
    index('products_published_guarantee_idx').using('gin', t.guaranteeMethods).where(sql`${t.status} = 'published'`),
    index('products_published_parks_idx').using('gin', t.eligibleParkIds).where(sql`${t.status} = 'published'`),
    index('products_published_all_parks_idx').on(t.publishedAt).where(sql`${t.status} = 'published' and cardinality(${t.eligibleParkIds}) = 0`),
    index('products_published_exclusive_idx').on(t.publishedAt).where(sql`${t.status} = 'published' and ${t.zoneExclusive}`),
    index('products_status_category_idx').on(t.status, t.category, t.publishedAt),
    index('products_institution_idx').on(t.institutionId, t.status),
    index('products_status_rate_idx').on(t.status, t.rateMinBp),
    index('products_status_amount_idx').on(t.status, t.amountMaxFen),
    check('products_amount_chk', sql`${t.amountMinFen} > 0 and ${t.amountMinFen} <= ${t.amountMaxFen}`),
    check('products_term_chk', sql`${t.termMinMonths} > 0 and ${t.termMinMonths} <= ${t.termMaxMonths}`),
    check('products_rate_chk', sql`${t.rateMinBp} >= 0 and ${t.rateMinBp} <= ${t.rateMaxBp} and ${t.rateMaxBp} <= 3600`),
    check('products_methods_chk', sql`cardinality(${t.guaranteeMethods}) > 0 and cardinality(${t.repaymentMethods}) > 0`),
  ],
);

// ---------------------------------------------------------------- IP assets and needs
export const ipAssets = pgTable(
  'ip_assets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    kind: ipKind('kind').notNull(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    owners: text('owners').array().notNull(),
    grantDate: date('grant_date', { mode: 'string' }),
    expiryDate: date('expiry_date', { mode: 'string' }),
    inForce: boolean('in_force').notNull().default(true),
    feesPaid: boolean('fees_paid').notNull().default(true),
    valuationFen: fen('valuation_fen'),
    appraiser: text('appraiser'),
    valuedOn: date('valued_on', { mode: 'string' }),
    status: ipStatus('status').notNull().default('free'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('ip_assets_enterprise_idx').on(t.enterpriseId), uniqueIndex('ip_assets_enterprise_number_uq').on(t.enterpriseId, t.kind, t.number)],
);

export const financingNeeds = pgTable(
  'financing_needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    amountFen: fen('amount_fen').notNull(),
    termMonths: integer('term_months').notNull(),
    purpose: needPurpose('purpose').notNull(),
    guaranteeMethods: guaranteeMethod('guarantee_methods').array().notNull(),
    maxRateBp: integer('max_rate_bp'),
    wantedBy: date('wanted_by', { mode: 'string' }),
    description: text('description').notNull().default(''),
    status: needStatus('status').notNull().default('open'),
    firstInstitutionActionAt: ts('first_institution_action_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('financing_needs_status_created_idx').on(t.status, t.createdAt),
    index('financing_needs_enterprise_idx').on(t.enterpriseId, t.createdAt),
    // financing_needs_created_cov (created_at) INCLUDE (…): migration 0012, SQL (drizzle has no INCLUDE).
    check('financing_needs_amount_chk', sql`${t.amountFen} > 0 and ${t.termMonths} > 0`),
  ],
);

export const needIpAssets = pgTable(
  'need_ip_assets',
  {
    needId: uuid('need_id')
      .notNull()
      .references(() => financingNeeds.id, { onDelete: 'cascade' }),
    ipAssetId: uuid('ip_asset_id')
      .notNull()
      .references(() => ipAssets.id),
  },
  (t) => [primaryKey({ columns: [t.needId, t.ipAssetId] })],
);

export const matches = pgTable(
  'matches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    needId: uuid('need_id')
      .notNull()
      .references(() => financingNeeds.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    source: matchSource('source').notNull(),
    score: integer('score').notNull(),
    reasons: jsonb('reasons').notNull().default(sql`'[]'::jsonb`),
    status: matchStatus('status').notNull().default('suggested'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('matches_need_product_uq').on(t.needId, t.productId),
    index('matches_product_idx').on(t.productId),
    check('matches_score_chk', sql`${t.score} between 0 and 100`),
  ],
);

// ---------------------------------------------------------------- applications and loans
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    needId: uuid('need_id').references(() => financingNeeds.id),
    amountFen: fen('amount_fen').notNull(),
    termMonths: integer('term_months').notNull(),
    status: applicationStatus('status').notNull().default('submitted'),
    approvedAmountFen: fen('approved_amount_fen'),
    approvedRateBp: integer('approved_rate_bp'),
    approvedTermMonths: integer('approved_term_months'),
    // Chosen by the enterprise among the product's methods (what it applied for; approval leaves it).
    repaymentMethod: repaymentMethod('repayment_method'),
    // Set by the approval (授信): the officer's choice among the product's methods, else the applied one. The loan uses it.
    approvedRepaymentMethod: repaymentMethod('approved_repayment_method'),
    rejectReason: text('reject_reason'),
    idempotencyKey: text('idempotency_key').notNull(),
    requestHash: text('request_hash').notNull(),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
    firstActionAt: ts('first_action_at'),
    decidedAt: ts('decided_at'),
    disbursedAt: ts('disbursed_at'),
    createdBy: uuid('created_by').references(() => users.id),
    // When the last timeline event happened (its current state began): kept by a trigger on
    // application_events (migration 0015), so the officers' queue can walk an index by it.
    lastEventAt: ts('last_event_at'),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('applications_idempotency_uq').on(t.enterpriseId, t.idempotencyKey),
    index('applications_institution_status_idx').on(t.institutionId, t.status, t.submittedAt),
    index('applications_enterprise_idx').on(t.enterpriseId, t.submittedAt),
    index('applications_product_idx').on(t.productId),
    // Covering indexes for the zone's figures, created in SQL by migration 0012 (drizzle has no INCLUDE):
    // applications_submitted_cov, applications_institution_submitted_cov, applications_decided_cov, applications_need_cov.
    // The officers' queue (migration 0015): applications_queue_idx, waiting states, by institution and last event.
    index('applications_decided_idx').on(t.decidedAt),
    check('applications_amount_chk', sql`${t.amountFen} > 0 and ${t.termMonths} > 0`),
    check('applications_approved_chk', sql`${t.approvedAmountFen} is null or (${t.approvedAmountFen} > 0 and ${t.approvedAmountFen} <= ${t.amountFen})`),
    check('applications_reject_reason_chk', sql`${t.status} <> 'rejected' or ${t.rejectReason} is not null`),
  ],
);

/** The IP assets an application to an IP-pledge product offers; pledged on approval. */
export const applicationIpAssets = pgTable(
  'application_ip_assets',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    ipAssetId: uuid('ip_asset_id')
      .notNull()
      .references(() => ipAssets.id),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.ipAssetId] }), index('application_ip_assets_asset_idx').on(t.ipAssetId)],
);

/** The timeline both sides see: one row per transition, with a reason code. */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    fromStatus: applicationStatus('from_status'),
    toStatus: applicationStatus('to_status').notNull(),
    reasonCode: text('reason_code'),
    note: text('note'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId, t.at)],
);

export const loans = pgTable(
  'loans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .unique()
      .references(() => applications.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    principalFen: fen('principal_fen').notNull(),
    annualRateBp: integer('annual_rate_bp').notNull(),
    termMonths: integer('term_months').notNull(),
    repaymentMethod: repaymentMethod('repayment_method').notNull(),
    disbursedOn: date('disbursed_on', { mode: 'string' }).notNull(),
    maturesOn: date('matures_on', { mode: 'string' }).notNull(),
    disbursedAt: ts('disbursed_at').notNull().defaultNow(),
    status: loanStatus('status').notNull().default('active'),
    outstandingFen: fen('outstanding_fen').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('loans_institution_idx').on(t.institutionId, t.disbursedAt),
    index('loans_enterprise_idx').on(t.enterpriseId),
    // loans_disbursed_cov (disbursed_at) INCLUDE (…): migration 0012, SQL (drizzle has no INCLUDE).
    index('loans_status_idx').on(t.status),
    check('loans_amounts_chk', sql`${t.principalFen} > 0 and ${t.outstandingFen} >= 0 and ${t.outstandingFen} <= ${t.principalFen}`),
    check('loans_dates_chk', sql`${t.disbursedOn} < ${t.maturesOn}`),
  ],
);

export const loanRepayments = pgTable(
  'loan_repayments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    loanId: uuid('loan_id')
      .notNull()
      .references(() => loans.id),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    principalFen: fen('principal_fen').notNull(),
    interestFen: fen('interest_fen').notNull().default(sql`0`),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('loan_repayments_loan_idx').on(t.loanId, t.paidOn), check('loan_repayments_amount_chk', sql`${t.principalFen} >= 0 and ${t.interestFen} >= 0`)],
);

// ---------------------------------------------------------------- pledges (质押)
export const pledges = pgTable(
  'pledges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .unique()
      .references(() => applications.id),
    loanId: uuid('loan_id').references(() => loans.id),
    registrationNumber: text('registration_number'), // 质押登记号
    registeredOn: date('registered_on', { mode: 'string' }),
    pledgedValueFen: fen('pledged_value_fen').notNull(),
    status: pledgeStatus('status').notNull().default('pending_registration'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('pledges_loan_idx').on(t.loanId),
    index('pledges_status_idx').on(t.status),
    check('pledges_registration_chk', sql`${t.status} = 'pending_registration' or (${t.registrationNumber} is not null and ${t.registeredOn} is not null)`),
  ],
);

/**
 * The assets of a pledge. `live` mirrors the pledge's status (kept by a trigger on pledges); the
 * partial unique index makes "an asset is in at most one live pledge" a database rule.
 */
export const pledgeAssets = pgTable(
  'pledge_assets',
  {
    pledgeId: uuid('pledge_id')
      .notNull()
      .references(() => pledges.id),
    ipAssetId: uuid('ip_asset_id')
      .notNull()
      .references(() => ipAssets.id),
    live: boolean('live').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.pledgeId, t.ipAssetId] }), uniqueIndex('pledge_assets_one_live_uq').on(t.ipAssetId).where(sql`${t.live}`)],
);

export const schemeEnrolments = pgTable(
  'scheme_enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => riskSchemes.id),
    loanId: uuid('loan_id')
      .notNull()
      .references(() => loans.id),
    enrolledAt: ts('enrolled_at').notNull().defaultNow(),
    enrolledBy: uuid('enrolled_by').references(() => users.id),
  },
  (t) => [uniqueIndex('scheme_enrolments_loan_uq').on(t.schemeId, t.loanId), index('scheme_enrolments_loan_idx').on(t.loanId)],
);

export const claims = pgTable(
  'claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => schemeEnrolments.id),
    lossFen: fen('loss_fen').notNull(),
    compensationFen: fen('compensation_fen').notNull(),
    status: claimStatus('status').notNull().default('filed'),
    rejectReason: text('reject_reason'),
    filedBy: uuid('filed_by').references(() => users.id),
    filedAt: ts('filed_at').notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    paidAt: ts('paid_at'),
  },
  (t) => [
    index('claims_enrolment_idx').on(t.enrolmentId),
    index('claims_status_idx').on(t.status, t.filedAt),
    check('claims_amounts_chk', sql`${t.lossFen} > 0 and ${t.compensationFen} >= 0 and ${t.compensationFen} <= ${t.lossFen}`),
  ],
);

// ---------------------------------------------------------------- consent, notifications, audit
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    scope: text('scope').array().notNull(), // e.g. {financials, documents, ip_valuations}
    source: text('source').notNull(), // application | match | manual
    grantedAt: ts('granted_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('consents_pair_idx').on(t.enterpriseId, t.institutionId, t.expiresAt)],
);

export const consentAccessLog = pgTable(
  'consent_access_log',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    consentId: uuid('consent_id')
      .notNull()
      .references(() => consents.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    what: text('what').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('consent_access_log_consent_idx').on(t.consentId, t.at)],
);

export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    // One recipient: a user, an enterprise, an institution, or every admin.
    userId: uuid('user_id').references(() => users.id),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    institutionId: uuid('institution_id').references(() => institutions.id),
    toAdmins: boolean('to_admins').notNull().default(false),
    // What happened (lib/notifications/messages.ts) and its parameters (ids, amounts in fen as digit
    // strings, names and reasons as entered): rendered in the reader's language when read.
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    // Legacy: rows written before 0013 carry their Chinese sentence here; newer rows leave it empty.
    title: text('title').notNull().default(''),
    body: text('body').notNull().default(''),
    link: text('link'),
    entity: text('entity'),
    entityId: text('entity_id'),
    readAt: ts('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_enterprise_idx').on(t.enterpriseId, t.createdAt),
    index('notifications_institution_idx').on(t.institutionId, t.createdAt),
    // The unread ones per recipient (migration 0015, in SQL): notifications_unread_{user,enterprise,institution,admins}_idx.
    check(
      'notifications_recipient_chk',
      sql`num_nonnulls(${t.userId}, ${t.enterpriseId}, ${t.institutionId}) + (case when ${t.toAdmins} then 1 else 0 end) = 1`,
    ),
  ],
);

/** Append-only: a trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role'),
    organisationId: uuid('organisation_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    index('audit_events_entity_idx').on(t.entity, t.entityId, t.at),
    index('audit_events_actor_idx').on(t.actorUserId, t.at),
    index('audit_events_org_idx').on(t.organisationId, t.at),
    index('audit_events_at_idx').on(t.at),
  ],
);

// ---------------------------------------------------------------- time-driven work and precomputed figures

/**
 * Periodic jobs (need expiry, headline figures): one row per job. Every app instance ticks; the one
 * that claims a due row (locked_until in the past) runs it, so a job runs once per period however
 * many instances there are, and a crashed runner's claim lapses.
 */
export const scheduledJobs = pgTable('scheduled_jobs', {
  name: text('name').primaryKey(),
  nextRunAt: ts('next_run_at').notNull().defaultNow(),
  lockedUntil: ts('locked_until'),
  lockedBy: text('locked_by'),
  lastRunAt: ts('last_run_at'),
  lastDurationMs: integer('last_duration_ms'),
  lastError: text('last_error'),
  runs: bigint('runs', { mode: 'number' }).notNull().default(0),
});

/** Figures computed once and shared by every instance (e.g. the landing page's all-time headline). */
export const figureSnapshots = pgTable('figure_snapshots', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  computedAt: ts('computed_at').notNull().defaultNow(),
});

/**
 * The zone's figures as last computed by any instance, one row per figure key (lib/figures/cache.ts):
 * the figures' data version they were computed at (migration 0017), their answer (JSON with bigints
 * and dates tagged, lib/figures/answer-codec.ts), when their data was read and how long they took.
 * Another instance, or one just started, serves them instead of computing again at the same version,
 * or shows them dated while it computes. Not written by a trigger: a cache, not a figure source.
 */
export const figureAnswers = pgTable('figure_answers', {
  key: text('key').primaryKey(),
  version: bigint('version', { mode: 'bigint' }).notNull(),
  value: text('value').notNull(),
  readAt: ts('read_at').notNull(),
  tookMs: integer('took_ms').notNull(),
  computedAt: ts('computed_at').notNull().defaultNow(),
});

/**
 * Which instance is computing a figure key at a data version now (lib/figures/cache.ts): another
 * instance that needs the same key at the same version waits for that one's answer in
 * figure_answers instead of computing it again. The claimant pushes `until` on while it computes and
 * deletes the row with the answer's write; a crashed instance's claim lapses at `until`.
 */
export const figureClaims = pgTable(
  'figure_claims',
  {
    key: text('key').notNull(),
    version: bigint('version', { mode: 'bigint' }).notNull(),
    claimedBy: text('claimed_by').notNull(),
    until: ts('until').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.version] })],
);

/**
 * The public catalogue's version: bumped by statement triggers on every change to products,
 * institutions, parks and LPR rates (migration 0009), so each app instance can cache public
 * catalogue reads and know at once, from one tiny read, when they are out of date.
 */
export const catalogueState = pgTable(
  'catalogue_state',
  {
    id: integer('id').primaryKey().default(1),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
    changedAt: ts('changed_at').notNull().defaultNow(),
  },
  (t) => [check('catalogue_state_one_row_chk', sql`${t.id} = 1`)],
);

// ---------------------------------------------------------------- the zone's calendar

/**
 * The zone's exceptions to Monday–Friday (lib/core/working-days.ts): a public holiday (法定节假日)
 * on a weekday, or a weekend day worked in exchange (调休上班). Entered by the service centre from the
 * State Council's notice each year; stale needs count working days with them.
 */
export const zoneCalendarDays = pgTable(
  'zone_calendar_days',
  {
    day: date('day', { mode: 'string' }).primaryKey(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check('zone_calendar_days_kind_chk', sql`${t.kind} in ('holiday', 'workday')`),
    check('zone_calendar_days_name_chk', sql`char_length(${t.name}) between 1 and 40`),
  ],
);

// ---------------------------------------------------------------- documents (fill once, share under consent)
export const documentKind = pgEnum('document_kind', [
  'business_license', // 营业执照
  'financial_statement', // 财务报表 (per year)
  'tax_certificate', // 纳税证明
  'credit_authorization', // 征信授权书
  'patent_certificate', // 专利证书 (tied to an IP asset)
  'appraisal_report', // 评估报告 (tied to an IP asset)
  'other',
]);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * Stored content, addressed by SHA-256 (lib/documents/storage.ts). A blob is written chunk by chunk
 * while sha256 is still null, then completed with its hash; a second upload of the same content
 * keeps the first blob. Content lives in blob_chunks, so it is part of every database backup.
 */
export const blobs = pgTable(
  'blobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sha256: text('sha256'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull().default(0),
    chunkCount: integer('chunk_count').notNull().default(0),
    createdAt: createdAt(),
    completedAt: ts('completed_at'),
  },
  (t) => [uniqueIndex('blobs_sha256_uq').on(t.sha256), check('blobs_complete_chk', sql`(${t.sha256} is null) = (${t.completedAt} is null)`)],
);

/** Content in chunks of at most 256 KB, streamed in and out one row at a time. */
export const blobChunks = pgTable(
  'blob_chunks',
  {
    blobId: uuid('blob_id')
      .notNull()
      .references(() => blobs.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.blobId, t.seq] })],
);

/** One document of an enterprise: a kind, its year or expiry, an IP asset for 专利证书/评估报告; versions below. */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    kind: documentKind('kind').notNull(),
    year: integer('year'), // 财务报表: the fiscal year
    expiresOn: date('expires_on', { mode: 'string' }),
    ipAssetId: uuid('ip_asset_id').references(() => ipAssets.id),
    // 其他材料: the enterprise names each one (设备采购合同, 房屋租赁合同…); null for the other kinds.
    title: text('title'),
    currentVersionId: uuid('current_version_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // A new upload of the same kind, year, asset and (for 其他材料) name is a new version of the same document.
    uniqueIndex('documents_slot_uq').on(
      t.enterpriseId,
      t.kind,
      sql`coalesce(${t.year}, 0)`,
      sql`coalesce(${t.ipAssetId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`coalesce(${t.title}, '')`,
    ),
    check('documents_year_chk', sql`${t.year} is null or ${t.year} between 1990 and 2100`),
    check('documents_title_chk', sql`${t.title} is null or (${t.kind} = 'other' and char_length(${t.title}) between 1 and 60)`),
  ],
);

export const documentVersions = pgTable(
  'document_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    version: integer('version').notNull(),
    blobId: uuid('blob_id')
      .notNull()
      .references(() => blobs.id),
    sha256: text('sha256').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    contentType: text('content_type').notNull(),
    originalName: text('original_name').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
    supersededAt: ts('superseded_at'),
  },
  (t) => [uniqueIndex('document_versions_uq').on(t.documentId, t.version), index('document_versions_blob_idx').on(t.blobId)],
);

/** What a product asks for: a kind, and for 财务报表 how many recent years. */
export const productRequiredDocuments = pgTable(
  'product_required_documents',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    kind: documentKind('kind').notNull(),
    years: integer('years').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.productId, t.kind] }), check('product_required_documents_years_chk', sql`${t.years} between 1 and 5`)],
);

/** The document versions an enterprise shared with one application (under its consent to the institution). */
export const applicationDocuments = pgTable(
  'application_documents',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    documentVersionId: uuid('document_version_id')
      .notNull()
      .references(() => documentVersions.id),
    sharedBy: uuid('shared_by')
      .notNull()
      .references(() => users.id),
    sharedAt: ts('shared_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.documentVersionId] }), index('application_documents_version_idx').on(t.documentVersionId)],
);

/** 补充材料: what the officer asked for, and why. Answered when the enterprise resubmits. */
export const materialRequests = pgTable(
  'material_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    kinds: documentKind('kinds').array().notNull(),
    reason: text('reason').notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: ts('requested_at').notNull().defaultNow(),
    answeredAt: ts('answered_at'),
  },
  (t) => [index('material_requests_application_idx').on(t.applicationId, t.requestedAt)],
);

/** Every download of a document's content, readable by the enterprise. Admins' reads carry a reason. */
export const documentAccessLog = pgTable(
  'document_access_log',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    documentVersionId: uuid('document_version_id')
      .notNull()
      .references(() => documentVersions.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    institutionId: uuid('institution_id').references(() => institutions.id),
    applicationId: uuid('application_id').references(() => applications.id),
    consentId: uuid('consent_id').references(() => consents.id),
    reason: text('reason'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('document_access_log_enterprise_idx').on(t.enterpriseId, t.at)],
);

export type Park = typeof parks.$inferSelect;
export type Institution = typeof institutions.$inferSelect;
export type Enterprise = typeof enterprises.$inferSelect;
export type User = typeof users.$inferSelect;
export type Product = typeof products.$inferSelect;
export type FinancingNeed = typeof financingNeeds.$inferSelect;
export type Application = typeof applications.$inferSelect;
export type Loan = typeof loans.$inferSelect;
export type Pledge = typeof pledges.$inferSelect;
export type Claim = typeof claims.$inferSelect;
export type Document = typeof documents.$inferSelect;
export type DocumentVersion = typeof documentVersions.$inferSelect;
export type DocumentKind = (typeof documentKind.enumValues)[number];
export type UserRole = (typeof userRole.enumValues)[number];
export type InstitutionStatus = (typeof institutionStatus.enumValues)[number];
export type ProductCategory = typeof productCategories.$inferSelect;
export type CertificationKind = (typeof certificationKind.enumValues)[number];
