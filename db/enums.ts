// The values of every database enum, written once. db/schema.ts builds its pgEnums from these lists,
// raw SQL takes its status lists from them, and lib/ (the state machines in lib/machines/, the
// domain's enumerations, the zod schemas) imports them, so a state is added here and nowhere else.
// The order is the database's: PostgreSQL compares enum values by it, and a new value goes last
// (`ALTER TYPE … ADD VALUE`) unless a migration says otherwise.

// ---------------------------------------------------------------- states (lib/machines/)
export const INSTITUTION_STATES = ['pending', 'active', 'suspended', 'rejected'] as const;
/** Of an enterprise and of a certification (企业核验, 资质核验). */
export const VERIFICATION_STATES = ['unverified', 'verified', 'rejected'] as const;
export const USER_STATES = ['active', 'disabled'] as const;
export const PRODUCT_STATES = ['draft', 'published', 'suspended', 'archived'] as const;
export const NEED_STATES = ['open', 'matched', 'fulfilled', 'withdrawn', 'expired'] as const;
export const MATCH_STATES = ['suggested', 'contacted', 'applied', 'declined'] as const;
export const APPLICATION_STATES = [
  'submitted',
  'accepted', // 受理
  'approved', // 授信
  'disbursed', // 放款
  'rejected',
  'withdrawn',
  'materials_requested', // 补充材料: the officer asked for more documents
] as const;
/** States in which an application waits for someone: still being handled, not yet disbursed or closed. */
export const WAITING_STATES = ['submitted', 'accepted', 'materials_requested', 'approved'] as const;
export const LOAN_STATES = ['active', 'overdue', 'repaid', 'defaulted', 'compensated', 'written_off'] as const;
/** Loans not yet settled: principal still owed (a revoked verification does not end a loan contract). */
export const UNSETTLED_LOAN_STATES = ['active', 'overdue', 'defaulted'] as const;
export const PLEDGE_STATES = ['pending_registration', 'registered', 'released', 'enforced'] as const;
export const CLAIM_STATES = ['filed', 'approved', 'paid', 'rejected'] as const;
/** An IP asset is free or under a pledge (set with the pledge, not by a machine of its own). */
export const IP_STATES = ['free', 'pledged'] as const;

// ---------------------------------------------------------------- kinds
export const USER_ROLES = ['enterprise', 'institution', 'admin'] as const;
export const MEMBER_ROLES = ['owner', 'officer'] as const;
export const INSTITUTION_KINDS = ['bank', 'guarantee', 'other'] as const;
export const CERTIFICATION_KINDS = [
  'high_tech', // 高新技术企业
  'tech_sme', // 科技型中小企业
  'specialized_sme', // 专精特新中小企业
  'little_giant', // 专精特新"小巨人"
  'gazelle', // 瞪羚企业
  'seed_unicorn', // 种子独角兽
  'potential_unicorn', // 潜在独角兽
] as const;
export const GUARANTEE_METHODS = ['credit', 'mortgage', 'pledge', 'guarantee'] as const;
export const REPAYMENT_METHODS = [
  'equal_installment', // 等额本息
  'equal_principal', // 等额本金
  'interest_first', // 先息后本
  'bullet', // 到期还本
] as const;
export const RATE_TYPES = ['fixed', 'lpr_spread'] as const;
export const NEED_PURPOSES = ['working_capital', 'equipment', 'rnd', 'project', 'other'] as const;
export const MATCH_SOURCES = ['engine', 'institution', 'enterprise'] as const;
export const IP_KINDS = [
  'invention', // 发明专利
  'utility_model', // 实用新型
  'design', // 外观设计
  'trademark', // 商标
  'software_copyright', // 软件著作权
  'work_copyright', // 作品著作权
] as const;
export const SCHEME_KINDS = ['ip_pledge_compensation', 'guarantee_fund', 'other'] as const;
export const COMPANY_STAGES = ['startup', 'growth', 'mature'] as const;
