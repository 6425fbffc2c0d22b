// Product templates. Amounts in 万元, terms in months, rates in basis points (for 'lpr_spread' the
// range is the spread over the 1-year LPR). The seeder attaches the risk scheme by category:
// ip_pledge → 佛山市知识产权质押融资风险补偿资金, guarantee → 佛山高新区融担贷.
import type { CertificationKind, ProductCategory } from '../../../db/schema';

export type GuaranteeMethodSeed = 'credit' | 'mortgage' | 'pledge' | 'guarantee';
export type RepaymentMethodSeed = 'equal_installment' | 'equal_principal' | 'interest_first' | 'bullet';
export type ProductStatusSeed = 'draft' | 'published' | 'suspended' | 'archived';

export interface ProductTemplate {
  key: string;
  institution: string;
  name: string;
  category: ProductCategory;
  summary: string;
  description: string;
  amountWan: [number, number];
  termMonths: [number, number];
  rateType: 'fixed' | 'lpr_spread';
  rateBp: [number, number];
  feeBp?: number;
  subsidyBp?: number;
  guarantee: GuaranteeMethodSeed[];
  repayment: RepaymentMethodSeed[];
  requiredCertifications?: CertificationKind[];
  minInnovationScore?: number;
  minYears?: number;
  parks?: string[];
  industries?: string[];
  maxEmployees?: number;
  maxRevenueWan?: number;
  zoneExclusive?: boolean;
  documents: string[];
  status: ProductStatusSeed;
  createdOn: string;
  publishedOn?: string;
}

const BASE_DOCS = ['营业执照', '近两年及最近一期财务报表', '企业征信查询授权书', '法定代表人身份证明'];
const TAX = '近12个月纳税证明';
const IP_DOCS = ['专利证书及近年年费缴纳凭证', '商标注册证（如有）', '知识产权价值评估报告', '全体共有人同意质押的书面声明'];

export const PRODUCT_TEMPLATES: readonly ProductTemplate[] = [
  // ---------------------------------------------------------------- 工商银行佛山分行
  {
    key: 'icbc-points', institution: 'icbc', name: '工银科创积分贷', category: 'points',
    summary: '以企业创新积分为核心授信依据的纯信用贷款，园区专属额度，积分越高额度越高、利率越低。',
    description: '面向佛山高新区内创新积分达标的科技型企业。依据科技部火炬中心企业创新积分制评价结果核定授信额度，无需抵押担保，线上申请、线下尽调，最快5个工作日放款。园区专属信贷资金支持，符合条件的可享受区级贴息。',
    amountWan: [50, 1000], termMonths: [12, 36], rateType: 'fixed', rateBp: [320, 450], subsidyBp: 50,
    guarantee: ['credit'], repayment: ['interest_first', 'equal_principal'],
    minInnovationScore: 60, minYears: 2, zoneExclusive: true,
    documents: [...BASE_DOCS, TAX, '企业创新积分评价结果'], status: 'published', createdOn: '2024-12-02', publishedOn: '2024-12-06',
  },
  {
    key: 'icbc-ip', institution: 'icbc', name: '工银知识产权质押贷', category: 'ip_pledge',
    summary: '以发明专利、实用新型、商标等知识产权质押的科技企业贷款，纳入佛山市知识产权质押融资风险补偿资金。',
    description: '企业以合法有效的专利权、商标专用权等知识产权出质，经评估机构评估后按评估价值的一定比例核定额度。贷款纳入佛山市知识产权质押融资风险补偿资金池，发生损失时由补偿资金分担70%，银行承担30%。质押专利须在贷款到期后仍处于有效期内，年费按时缴纳。',
    amountWan: [100, 3000], termMonths: [12, 36], rateType: 'lpr_spread', rateBp: [40, 120],
    guarantee: ['pledge'], repayment: ['interest_first', 'equal_principal'], minYears: 1, zoneExclusive: true,
    documents: [...BASE_DOCS, ...IP_DOCS], status: 'published', createdOn: '2024-12-02', publishedOn: '2024-12-09',
  },
  {
    key: 'icbc-guarantee', institution: 'icbc', name: '工银科技融担贷', category: 'guarantee',
    summary: '由政府性融资担保机构提供担保的科技企业流动资金贷款，纳入佛山高新区融担贷风险分担。',
    description: '佛山高新区融担贷产品：银行、政府性融资担保机构与风险补偿资金按比例分担风险，担保费率不高于1%/年，适合缺少抵押物的轻资产科技型中小企业。',
    amountWan: [100, 1000], termMonths: [12, 36], rateType: 'fixed', rateBp: [330, 420], feeBp: 100,
    guarantee: ['guarantee'], repayment: ['equal_installment', 'interest_first'],
    documents: [...BASE_DOCS, TAX, '担保申请书'], status: 'published', createdOn: '2024-12-10', publishedOn: '2024-12-16',
  },
  {
    key: 'icbc-digital', institution: 'icbc', name: '工银科创e贷', category: 'digital',
    summary: '基于纳税、发票和研发投入数据的线上信用贷款，随借随还，最快当天到账。',
    description: '全流程线上办理的数字信贷产品，依据企业纳税信用、开票流水及研发费用加计扣除数据自动审批。适合有短期周转需求的小微科技企业。',
    amountWan: [20, 300], termMonths: [6, 12], rateType: 'fixed', rateBp: [310, 398],
    guarantee: ['credit'], repayment: ['interest_first', 'equal_installment'], maxEmployees: 500, minYears: 1,
    documents: ['营业执照', '企业征信查询授权书', '纳税数据授权书'], status: 'published', createdOn: '2024-12-12', publishedOn: '2024-12-20',
  },
  {
    key: 'icbc-credit', institution: 'icbc', name: '高企信用贷', category: 'credit',
    summary: '面向高新技术企业的中长期信用贷款，利率按LPR加点定价。',
    description: '持有有效期内高新技术企业证书的企业可申请，额度依据研发投入和营业收入核定，支持研发投入和日常经营周转。',
    amountWan: [100, 2000], termMonths: [12, 36], rateType: 'lpr_spread', rateBp: [30, 100],
    guarantee: ['credit'], repayment: ['interest_first', 'equal_principal', 'bullet'], requiredCertifications: ['high_tech'],
    documents: [...BASE_DOCS, TAX, '高新技术企业证书'], status: 'published', createdOn: '2024-12-12', publishedOn: '2025-01-06',
  },
  // ---------------------------------------------------------------- 建设银行佛山分行
  {
    key: 'ccb-credit', institution: 'ccb', name: '建行科技善新贷', category: 'credit',
    summary: '针对科技型中小企业的信用贷款，依据“技术流”评价授信。',
    description: '以企业专利、研发团队、研发投入等“技术流”指标评价企业创新能力，对入库科技型中小企业给予纯信用授信。',
    amountWan: [100, 1500], termMonths: [12, 36], rateType: 'fixed', rateBp: [330, 430],
    guarantee: ['credit'], repayment: ['interest_first', 'equal_installment'], requiredCertifications: ['tech_sme'],
    documents: [...BASE_DOCS, TAX, '科技型中小企业入库证明'], status: 'published', createdOn: '2024-12-18', publishedOn: '2024-12-23',
  },
  {
    key: 'ccb-guarantee', institution: 'ccb', name: '建行融担贷', category: 'guarantee',
    summary: '政银担合作的融担贷产品，担保费补贴后综合成本低。',
    description: '佛山高新区融担贷合作产品，由佛山市融资担保有限公司提供连带责任保证，风险补偿资金、担保机构与银行按4:4:2分担风险。',
    amountWan: [100, 800], termMonths: [12, 24], rateType: 'fixed', rateBp: [340, 430], feeBp: 80,
    guarantee: ['guarantee'], repayment: ['equal_installment', 'interest_first'],
    documents: [...BASE_DOCS, TAX, '担保申请书'], status: 'published', createdOn: '2024-12-18', publishedOn: '2024-12-27',
  },
  {
    key: 'ccb-ip', institution: 'ccb', name: '建行知惠贷', category: 'ip_pledge',
    summary: '专利、商标等知识产权质押融资，纳入市知识产权质押融资风险补偿。',
    description: '以发明专利、实用新型专利或注册商标质押，质押率最高可达评估价值的50%。知识产权质押登记完成后放款，可叠加知识产权质押融资贴息政策。',
    amountWan: [100, 2000], termMonths: [12, 36], rateType: 'fixed', rateBp: [340, 450], subsidyBp: 100,
    guarantee: ['pledge'], repayment: ['interest_first', 'equal_principal'],
    documents: [...BASE_DOCS, ...IP_DOCS], status: 'published', createdOn: '2024-12-18', publishedOn: '2025-01-10',
  },
  {
    key: 'ccb-equipment', institution: 'ccb', name: '建行设备更新贷', category: 'equipment',
    summary: '支持制造业企业购置和更新生产设备，以所购设备抵押，期限最长5年。',
    description: '配合大规模设备更新政策，支持企业购置数控机床、工业机器人、检测设备等，可按设备购置合同金额的80%授信，利率按LPR加点。',
    amountWan: [200, 3000], termMonths: [24, 60], rateType: 'lpr_spread', rateBp: [20, 90],
    guarantee: ['mortgage', 'guarantee'], repayment: ['equal_principal', 'equal_installment'], industries: ['C'],
    documents: [...BASE_DOCS, '设备购置合同及发票', '设备抵押登记材料'], status: 'published', createdOn: '2025-01-15', publishedOn: '2025-02-10',
  },
  // ---------------------------------------------------------------- 农业银行佛山分行
  {
    key: 'abc-digital', institution: 'abc', name: '农行科技e贷', category: 'digital',
    summary: '线上申请、系统审批的科技企业数字信用贷款。',
    description: '依托税务、工商、知识产权等数据对科技型企业进行线上画像和自动审批，额度循环使用，按日计息。',
    amountWan: [10, 500], termMonths: [6, 12], rateType: 'fixed', rateBp: [320, 420],
    guarantee: ['credit'], repayment: ['interest_first', 'equal_installment'], maxEmployees: 1000,
    documents: ['营业执照', '企业征信查询授权书', '纳税数据授权书'], status: 'published', createdOn: '2025-03-01', publishedOn: '2025-03-05',
  },
  {
    key: 'abc-guarantee', institution: 'abc', name: '农行融担贷', category: 'guarantee',
    summary: '政府性融资担保增信的流动资金贷款，适合轻资产科技企业。',
    description: '佛山高新区融担贷合作产品，担保机构提供保证担保，无需抵押物，审批通过后担保与放款同步办理。',
    amountWan: [100, 1000], termMonths: [12, 36], rateType: 'fixed', rateBp: [330, 430], feeBp: 100,
    guarantee: ['guarantee'], repayment: ['equal_installment', 'interest_first'],
    documents: [...BASE_DOCS, TAX, '担保申请书'], status: 'published', createdOn: '2024-12-20', publishedOn: '2024-12-30',
  },
  {
    key: 'abc-points', institution: 'abc', name: '农行科技积分贷', category: 'points',
    summary: '对接企业创新积分评价结果的信用贷款，积分达标即可申请。',
    description: '依据企业创新积分及研发投入情况核定额度，支持研发投入、原材料采购等经营周转需要。',
    amountWan: [100, 1000], termMonths: [12, 24], rateType: 'fixed', rateBp: [340, 450],
    guarantee: ['credit'], repayment: ['interest_first', 'equal_principal'], minInnovationScore: 55,
    documents: [...BASE_DOCS, TAX, '企业创新积分评价结果'], status: 'published', createdOn: '2024-12-20', publishedOn: '2025-01-08',
  },
  {
    key: 'abc-digital-2024', institution: 'abc', name: '农行科技e贷（2024版）', category: 'digital',
    summary: '已由新版“农行科技e贷”替代。',
    description: '2024年版本产品，已停止受理新申请。',
    amountWan: [10, 300], termMonths: [6, 12], rateType: 'fixed', rateBp: [350, 450],
    guarantee: ['credit'], repayment: ['interest_first'],
    documents: ['营业执照', '企业征信查询授权书'], status: 'archived', createdOn: '2024-12-20', publishedOn: '2024-12-26',
  },
  // ---------------------------------------------------------------- 中国银行佛山分行
  {
    key: 'boc-ip', institution: 'boc', name: '中银知贷通', category: 'ip_pledge',
    summary: '发明专利、商标专用权质押贷款，风险补偿资金分担70%损失。',
    description: '企业以其合法拥有的专利权、商标专用权出质，中国银行按评估价值核定额度。纳入佛山市知识产权质押融资风险补偿资金，可申请知识产权质押融资贴息。',
    amountWan: [100, 3000], termMonths: [12, 36], rateType: 'lpr_spread', rateBp: [50, 120],
    guarantee: ['pledge', 'guarantee'], repayment: ['equal_principal', 'interest_first'], minYears: 2,
    documents: [...BASE_DOCS, ...IP_DOCS], status: 'published', createdOn: '2024-12-05', publishedOn: '2024-12-12',
  },
  {
    key: 'boc-guarantee', institution: 'boc', name: '中银融担贷', category: 'guarantee',
    summary: '政银担风险分担的科技企业贷款，额度最高800万元。',
    description: '佛山高新区融担贷合作产品，由政府性融资担保机构提供担保，适合首贷户和轻资产企业。',
    amountWan: [100, 800], termMonths: [12, 36], rateType: 'fixed', rateBp: [340, 420], feeBp: 100,
    guarantee: ['guarantee'], repayment: ['equal_installment', 'interest_first'],
    documents: [...BASE_DOCS, TAX, '担保申请书'], status: 'published', createdOn: '2024-12-05', publishedOn: '2024-12-20',
  },
  {
    key: 'boc-equipment', institution: 'boc', name: '中银智造设备贷', category: 'equipment',
    summary: '支持智能化改造和设备购置的中长期贷款。',
    description: '面向制造业企业的设备购置、产线智能化改造项目，额度不超过项目投资额的80%，可配套设备融资租赁。',
    amountWan: [100, 2000], termMonths: [12, 48], rateType: 'fixed', rateBp: [340, 460],
    guarantee: ['mortgage', 'guarantee'], repayment: ['equal_principal', 'equal_installment'], industries: ['C'], minYears: 2,
    documents: [...BASE_DOCS, '设备购置合同及发票', '技术改造项目备案证明'], status: 'published', createdOn: '2025-02-20', publishedOn: '2025-03-03',
  },
  // ---------------------------------------------------------------- 招商银行佛山分行
  {
    key: 'cmb-credit', institution: 'cmb', name: '招行科技成长贷', category: 'credit',
    summary: '面向专精特新中小企业的成长期信用贷款。',
    description: '依据企业专精特新资质、研发投入强度和订单情况授信，可用于研发投入、市场拓展和日常经营。',
    amountWan: [100, 1000], termMonths: [12, 24], rateType: 'fixed', rateBp: [350, 480],
    guarantee: ['credit'], repayment: ['interest_first', 'equal_installment'], requiredCertifications: ['specialized_sme'],
    documents: [...BASE_DOCS, TAX, '专精特新中小企业认定文件'], status: 'published', createdOn: '2024-12-09', publishedOn: '2024-12-18',
  },
  {
    key: 'cmb-digital', institution: 'cmb', name: '招行科创闪电贷', category: 'digital',
    summary: '手机端申请、秒批秒贷的小额信用贷款。',
    description: '基于企业开票、纳税和结算数据的线上信用贷款，额度最高300万元，支持随借随还。',
    amountWan: [10, 300], termMonths: [12, 12], rateType: 'fixed', rateBp: [330, 420],
    guarantee: ['credit'], repayment: ['interest_first', 'equal_installment'], maxEmployees: 300, maxRevenueWan: 20000,
    documents: ['营业执照', '企业征信查询授权书', '纳税数据授权书'], status: 'published', createdOn: '2024-12-09', publishedOn: '2024-12-18',
  },
  {
    key: 'cmb-guarantee', institution: 'cmb', name: '招行融担贷', category: 'guarantee',
    summary: '政府性融资担保机构担保的科技企业流动资金贷款。',
    description: '佛山高新区融担贷合作产品，担保费率0.8%/年，纳入融担贷风险分担，支持企业首贷、续贷。',
    amountWan: [100, 1000], termMonths: [12, 24], rateType: 'fixed', rateBp: [340, 440], feeBp: 80,
    guarantee: ['guarantee'], repayment: ['equal_installment', 'interest_first'],
    documents: [...BASE_DOCS, TAX, '担保申请书'], status: 'published', createdOn: '2024-12-09', publishedOn: '2025-01-03',
  },
  // ---------------------------------------------------------------- 广发银行佛山分行
  {
    key: 'cgb-points', institution: 'cgb', name: '广发科创积分贷', category: 'points',
    summary: '园区专属的创新积分信用贷款，积分60分以上企业可申请。',
    description: '广发银行与佛山高新区合作推出的专属产品，以企业创新积分为授信主要依据，配套园区专项信贷额度和贴息。',
    amountWan: [50, 800], termMonths: [12, 36], rateType: 'fixed', rateBp: [330, 450], subsidyBp: 50,
    guarantee: ['credit'], repayment: ['interest_first', 'equal_principal'], minInnovationScore: 60, zoneExclusive: true,
    documents: [...BASE_DOCS, TAX, '企业创新积分评价结果'], status: 'published', createdOn: '2025-01-06', publishedOn: '2025-01-13',
  },
  {
    key: 'cgb-guarantee', institution: 'cgb', name: '广发融担贷', category: 'guarantee',
    summary: '融担贷合作产品，担保增信，额度最高1000万元。',
    description: '佛山高新区融担贷合作产品，由政府性融资担保机构提供担保，适合处于成长期、缺少抵押物的科技企业。',
    amountWan: [100, 1000], termMonths: [12, 36], rateType: 'fixed', rateBp: [340, 450], feeBp: 100,
    guarantee: ['guarantee'], repayment: ['equal_installment', 'interest_first'],
    documents: [...BASE_DOCS, TAX, '担保申请书'], status: 'published', createdOn: '2025-01-06', publishedOn: '2025-01-20',
  },
  {
    key: 'cgb-equipment', institution: 'cgb', name: '广发智能制造设备贷', category: 'equipment',
    summary: '工业机器人、数控机床等智能制造设备购置贷款，期限最长5年。',
    description: '支持制造业企业购置智能制造设备，以所购设备抵押或由担保机构保证，按LPR加点定价，等额本金或等额本息还款。',
    amountWan: [100, 2000], termMonths: [12, 60], rateType: 'lpr_spread', rateBp: [40, 110],
    guarantee: ['mortgage', 'guarantee'], repayment: ['equal_installment', 'equal_principal'], industries: ['C'],
    documents: [...BASE_DOCS, '设备购置合同及发票', '设备抵押登记材料'], status: 'published', createdOn: '2025-01-06', publishedOn: '2025-01-20',
  },
  // ---------------------------------------------------------------- 佛山农商银行
  {
    key: 'fsrcb-guarantee', institution: 'fsrcb', name: '农商融担贷', category: 'guarantee',
    summary: '本地法人银行融担贷产品，审批链条短、放款快。',
    description: '佛山高新区融担贷合作产品，由佛山市融资担保有限公司担保，纳入融担贷风险分担，单户最高1000万元。',
    amountWan: [100, 1000], termMonths: [12, 36], rateType: 'fixed', rateBp: [350, 450], feeBp: 100,
    guarantee: ['guarantee'], repayment: ['equal_installment', 'interest_first'],
    documents: [...BASE_DOCS, TAX, '担保申请书'], status: 'published', createdOn: '2024-12-11', publishedOn: '2024-12-19',
  },
  {
    key: 'fsrcb-ip', institution: 'fsrcb', name: '农商知产贷', category: 'ip_pledge',
    summary: '园区专属知识产权质押贷款，专利、商标均可质押，纳入风险补偿。',
    description: '佛山农商银行与佛山高新区合作的专属知识产权质押融资产品，接受发明专利、实用新型专利、注册商标出质，单户最高1000万元，享受知识产权质押融资风险补偿和贴息。',
    amountWan: [50, 1000], termMonths: [12, 36], rateType: 'fixed', rateBp: [360, 480], subsidyBp: 100,
    guarantee: ['pledge'], repayment: ['interest_first', 'equal_principal'], zoneExclusive: true,
    documents: [...BASE_DOCS, ...IP_DOCS], status: 'published', createdOn: '2024-12-11', publishedOn: '2025-01-02',
  },
  {
    key: 'fsrcb-digital', institution: 'fsrcb', name: '农商科创数字贷', category: 'digital',
    summary: '基于政务和税务数据的线上小额信用贷款。',
    description: '依托佛山市政务数据共享和税务数据自动授信，适合小微科技企业短期周转，随借随还。',
    amountWan: [10, 300], termMonths: [6, 12], rateType: 'fixed', rateBp: [345, 450],
    guarantee: ['credit'], repayment: ['interest_first', 'equal_installment'], maxEmployees: 300,
    documents: ['营业执照', '企业征信查询授权书', '纳税数据授权书'], status: 'published', createdOn: '2025-02-10', publishedOn: '2025-02-14',
  },
  // ---------------------------------------------------------------- 顺德农商银行
  {
    key: 'sdrcb-equipment', institution: 'sdrcb', name: '顺农设备按揭贷', category: 'equipment',
    summary: '设备按揭方式购置生产设备，首付最低20%。',
    description: '面向顺德、禅城、南海园区制造业企业，以所购设备抵押办理按揭，期限最长5年。',
    amountWan: [100, 1500], termMonths: [12, 60], rateType: 'fixed', rateBp: [380, 520],
    guarantee: ['mortgage'], repayment: ['equal_installment', 'equal_principal'], parks: ['shunde', 'chancheng', 'nanhai'], industries: ['C'],
    documents: [...BASE_DOCS, '设备购置合同及发票', '设备抵押登记材料'], status: 'published', createdOn: '2025-01-10', publishedOn: '2025-01-15',
  },
  {
    key: 'sdrcb-credit', institution: 'sdrcb', name: '顺德园科创信用贷', category: 'credit',
    summary: '顺德园专属信用贷款，入库科技型中小企业可申请。',
    description: '顺德农商银行面向顺德园科技型中小企业的专属信用贷款，配合顺德区科技金融扶持政策，可享受贴息。',
    amountWan: [50, 500], termMonths: [12, 36], rateType: 'fixed', rateBp: [360, 480], subsidyBp: 80,
    guarantee: ['credit'], repayment: ['interest_first', 'equal_installment'], requiredCertifications: ['tech_sme'], parks: ['shunde'], zoneExclusive: true,
    documents: [...BASE_DOCS, TAX, '科技型中小企业入库证明'], status: 'published', createdOn: '2025-01-10', publishedOn: '2025-01-15',
  },
  {
    key: 'sdrcb-points', institution: 'sdrcb', name: '顺农科技积分贷', category: 'points',
    summary: '依据企业创新积分授信的信用贷款，积分50分以上可申请。',
    description: '结合企业创新积分与经营数据授信，支持企业研发投入和经营周转。',
    amountWan: [50, 500], termMonths: [12, 24], rateType: 'fixed', rateBp: [350, 480],
    guarantee: ['credit', 'guarantee'], repayment: ['interest_first', 'equal_principal'], minInnovationScore: 50,
    documents: [...BASE_DOCS, TAX, '企业创新积分评价结果'], status: 'published', createdOn: '2025-02-18', publishedOn: '2025-02-24',
  },
  // ---------------------------------------------------------------- 佛山市融资担保有限公司
  {
    key: 'fsguar-guarantee', institution: 'fsguar', name: '科技担保贷（见贷即保）', category: 'guarantee',
    summary: '园区专属政府性融资担保服务，合作银行批贷即担保，担保费率1%/年。',
    description: '佛山市融资担保有限公司为佛山高新区科技企业提供的批量担保服务，与合作银行“见贷即保”，纳入佛山高新区融担贷风险分担，担保费可申请园区补贴。',
    amountWan: [100, 1000], termMonths: [12, 36], rateType: 'fixed', rateBp: [300, 400], feeBp: 100, subsidyBp: 50,
    guarantee: ['guarantee'], repayment: ['equal_installment', 'interest_first'], zoneExclusive: true,
    documents: [...BASE_DOCS, TAX, '担保申请书', '反担保措施说明'], status: 'published', createdOn: '2025-03-10', publishedOn: '2025-03-18',
  },
  // ---------------------------------------------------------------- drafts, suspended
  {
    key: 'icbc-green', institution: 'icbc', name: '工银绿色科技贷', category: 'credit',
    summary: '支持节能降碳技术改造的科技企业贷款（筹备中）。',
    description: '拟面向节能环保、新能源领域科技企业，额度与碳减排量挂钩。',
    amountWan: [100, 2000], termMonths: [12, 36], rateType: 'lpr_spread', rateBp: [20, 80],
    guarantee: ['credit', 'guarantee'], repayment: ['equal_principal'], documents: [...BASE_DOCS, '碳排放核查报告'],
    status: 'draft', createdOn: '2026-11-05',
  },
  {
    key: 'ccb-rnd', institution: 'ccb', name: '建行研发贷', category: 'credit',
    summary: '按研发费用加计扣除金额核定额度的研发专项贷款（草稿）。',
    description: '额度不超过上年度研发费用加计扣除金额的1.5倍，专款用于研发投入。',
    amountWan: [50, 1000], termMonths: [12, 24], rateType: 'fixed', rateBp: [330, 420],
    guarantee: ['credit'], repayment: ['interest_first'], documents: [...BASE_DOCS, '研发费用加计扣除申报表'],
    status: 'draft', createdOn: '2026-10-28',
  },
  {
    key: 'nhkcxd-credit', institution: 'nhkcxd', name: '科创小额信用贷', category: 'credit',
    summary: '小额贷款公司发放的短期信用贷款（机构暂停，产品暂停受理）。',
    description: '面向南海园科技小微企业的短期信用贷款。',
    amountWan: [20, 300], termMonths: [3, 12], rateType: 'fixed', rateBp: [600, 1200],
    guarantee: ['credit'], repayment: ['interest_first', 'bullet'], parks: ['nanhai'],
    documents: ['营业执照', '企业征信查询授权书'], status: 'suspended', createdOn: '2025-01-12', publishedOn: '2025-01-20',
  },
];
