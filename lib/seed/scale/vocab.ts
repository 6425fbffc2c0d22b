// Words the scale generator composes names and texts from. Institutions of the scale data are
// branches in the other cities of Guangdong (the demo's own are in Foshan), so no name repeats one
// of the demo's.
import { GIVEN_NAMES, INDUSTRY_SUFFIXES, SURNAMES, APPRAISERS } from '../data/enterprises';
import { INVENTION_TITLES, SOFTWARE_TITLES, TRADEMARK_CLASSES, UTILITY_TITLES } from '../data/ip';
import { SEED_CATEGORIES } from '../data/categories';

export { GIVEN_NAMES, SURNAMES, APPRAISERS, SOFTWARE_TITLES, TRADEMARK_CLASSES };

/** 48 characters; three of them make a trade name (字号) the demo's two-character ones never equal. */
export const TRADE_CHARS = [...'华海康瑞德盛远达鸿信通宏泰丰创新科智联腾卓恒晟越博锐迅捷启明星辰峰源嘉祥美力立安英杰凯乐优佳润鼎'];

/** Line of business and its GB/T 4754 section, from the demo's lists. */
export const SUFFIXES: readonly { suffix: string; industry: string }[] = (['C', 'I', 'M'] as const).flatMap((industry) =>
  INDUSTRY_SUFFIXES[industry].map((suffix) => ({ suffix, industry })),
);

export const INVENTIONS: readonly string[] = Object.values(INVENTION_TITLES).flat();
export const UTILITY_MODELS: readonly string[] = Object.values(UTILITY_TITLES).flat();

/** Bank brands (full name, short name for product names). */
export const BANKS: readonly [string, string][] = [
  ['中国工商银行', '工银'],
  ['中国建设银行', '建行'],
  ['中国农业银行', '农行'],
  ['中国银行', '中银'],
  ['交通银行', '交银'],
  ['招商银行', '招行'],
  ['广发银行', '广发'],
  ['兴业银行', '兴业'],
  ['浦发银行', '浦发'],
  ['中信银行', '中信'],
  ['平安银行', '平安'],
  ['中国民生银行', '民生'],
  ['中国光大银行', '光大'],
  ['华夏银行', '华夏'],
  ['中国邮政储蓄银行', '邮储'],
  ['广州银行', '广银'],
  ['东莞银行', '莞银'],
  ['珠海华润银行', '华润'],
  ['广州农村商业银行', '广农商'],
  ['广东南粤银行', '南粤'],
];

/** Cities of Guangdong other than Foshan: name, administrative division code, telephone area code. */
export const CITIES: readonly [string, string, string][] = [
  ['广州', '440100', '020'],
  ['深圳', '440300', '0755'],
  ['珠海', '440400', '0756'],
  ['汕头', '440500', '0754'],
  ['韶关', '440200', '0751'],
  ['河源', '441600', '0762'],
  ['梅州', '441400', '0753'],
  ['惠州', '441300', '0752'],
  ['汕尾', '441500', '0660'],
  ['东莞', '441900', '0769'],
  ['中山', '442000', '0760'],
  ['江门', '440700', '0750'],
  ['阳江', '441700', '0662'],
  ['湛江', '440800', '0759'],
  ['茂名', '440900', '0668'],
  ['肇庆', '441200', '0758'],
  ['清远', '441800', '0763'],
  ['潮州', '445100', '0768'],
  ['揭阳', '445200', '0663'],
  ['云浮', '445300', '0766'],
];

export const NON_BANK_WORDS = ['粤科', '恒信', '中盈', '汇通', '金桥', '科融', '信达', '融和', '广信', '创投'];

export const CATEGORIES = SEED_CATEGORIES;
export type Category = (typeof CATEGORIES)[number];

interface CategoryText {
  name: string;
  /** Share among a bank's products (per mille). */
  weight: number;
  guarantee: string[];
  repayment: string[];
  terms: [number, number][];
  summary: string;
  documents: string[];
}

export const CATEGORY: Record<Category, CategoryText> = {
  points: {
    name: '积分贷',
    weight: 160,
    guarantee: ['credit'],
    repayment: ['equal_installment', 'interest_first'],
    terms: [
      [6, 12],
      [12, 24],
      [12, 36],
    ],
    summary: '依据企业创新积分授信，纯信用、免抵押，积分越高额度越高、利率越低。',
    documents: ['营业执照', '近两年财务报表', '企业创新积分报告'],
  },
  digital: {
    name: '数字贷',
    weight: 160,
    guarantee: ['credit'],
    repayment: ['equal_installment', 'bullet'],
    terms: [
      [3, 12],
      [6, 12],
      [6, 24],
    ],
    summary: '基于纳税、开票和结算数据线上审批，随借随还，最快当天放款。',
    documents: ['营业执照', '纳税数据授权'],
  },
  equipment: {
    name: '设备贷',
    weight: 120,
    guarantee: ['mortgage', 'credit'],
    repayment: ['equal_installment', 'equal_principal'],
    terms: [
      [12, 36],
      [12, 60],
      [24, 60],
    ],
    summary: '支持企业购置生产设备和技术改造，以所购设备抵押，期限最长五年。',
    documents: ['营业执照', '近两年财务报表', '设备购置合同', '发票或报价单'],
  },
  guarantee: {
    name: '融担贷',
    weight: 100,
    guarantee: ['guarantee'],
    repayment: ['equal_installment', 'interest_first'],
    terms: [
      [6, 12],
      [12, 24],
      [12, 36],
    ],
    summary: '政策性融资担保机构提供担保，风险资金池分担损失，担保费率低。',
    documents: ['营业执照', '近两年财务报表', '担保申请书'],
  },
  ip_pledge: {
    name: '知识产权质押贷',
    weight: 160,
    guarantee: ['pledge'],
    repayment: ['interest_first', 'equal_principal'],
    terms: [
      [12, 24],
      [12, 36],
      [6, 24],
    ],
    summary: '以发明专利、实用新型或商标质押，纳入知识产权质押融资风险补偿资金。',
    documents: ['营业执照', '近两年财务报表', '知识产权证书', '知识产权评估报告'],
  },
  credit: {
    name: '信用贷',
    weight: 240,
    guarantee: ['credit'],
    repayment: ['equal_installment', 'equal_principal', 'interest_first'],
    terms: [
      [3, 12],
      [6, 24],
      [12, 36],
    ],
    summary: '面向高新技术企业和科技型中小企业的纯信用贷款，审批快、手续简。',
    documents: ['营业执照', '近两年财务报表', '高新技术企业证书'],
  },
  other: {
    name: '科技贷',
    weight: 60,
    guarantee: ['credit', 'guarantee'],
    repayment: ['bullet', 'interest_first'],
    terms: [
      [6, 12],
      [6, 24],
      [12, 36],
    ],
    summary: '综合授信方案，可叠加政府贴息和保险增信。',
    documents: ['营业执照', '近两年财务报表'],
  },
};

export const PRODUCT_PREFIXES = ['科创', '专精', '智造', '惠企', '成长', '研发', '绿色', '数智', '人才', '园区', '高企', '瞪羚'];

export const PURPOSE_TEXT: Record<string, string> = {
  working_capital: '订单增长较快，需补充原材料采购和供应商货款周转资金。',
  equipment: '拟购置生产设备并实施智能化技术改造，提升产能。',
  rnd: '用于新一代产品研发投入及研发人员薪酬支出。',
  project: '新建厂房及配套生产线建设，项目已完成立项备案。',
  other: '用于置换部分高成本融资，降低综合融资成本。',
};

export const REJECT_REASONS = [
  '近12个月经营性现金流为负，第一还款来源不足。',
  '企业资产负债率超过70%，现有融资余额较高，暂不符合授信条件。',
  '企业征信报告显示近两年内存在逾期记录，暂不予授信。',
  '申请材料不完整，经两次补充仍缺少近两年审计报告。',
  '企业主营业务暂不在本产品支持范围内，建议申请其他产品。',
  '质押知识产权评估价值不足，质押率超出本行政策上限。',
];

export const ENTERPRISE_REJECT_NOTE = '营业执照上的企业名称与填报名称不一致，请核对后重新提交认证材料。';
