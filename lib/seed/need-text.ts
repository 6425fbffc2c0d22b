// The words of the demo's financing needs: a description per purpose, and the purpose a product's
// category suggests.
import type { SeedCategory } from './data/categories';
import type { Rng } from './data/prng';
import type { NeedPurpose } from './context';

const NEED_TEXT: Record<NeedPurpose, readonly string[]> = {
  working_capital: [
    '订单增长较快，需补充原材料采购和供应商货款周转资金。',
    '新签海外订单交付在即，需流动资金支持备货和生产。',
    '应收账款回款周期较长，需短期流动资金缓解周转压力。',
  ],
  equipment: [
    '拟购置五轴加工中心及工业机器人，用于产线智能化改造。',
    '计划更新检测设备和自动化装配线，提升产能约30%。',
    '购置新一代生产设备，配合大规模设备更新政策实施技改项目。',
  ],
  rnd: ['用于新一代产品研发投入及研发人员薪酬支出，项目已列入区级科技计划。', '开展关键核心技术攻关，需补充研发材料、样机试制和测试费用。'],
  project: ['新建厂房及配套生产线建设，项目已完成立项备案。', '扩建智能化生产车间，项目建设周期约18个月。'],
  other: ['用于置换部分高成本融资，降低综合融资成本。'],
};

export function needDescription(rng: Rng, purpose: NeedPurpose, ipCount: number): string {
  const base = rng.pick(NEED_TEXT[purpose]);
  return ipCount > 0 ? `${base}可提供${ipCount}项知识产权（专利/商标）质押。` : base;
}

export function purposeFor(rng: Rng, category: SeedCategory): NeedPurpose {
  switch (category) {
    case 'equipment':
      return 'equipment';
    case 'ip_pledge':
      return rng.weighted([
        ['rnd', 1],
        ['working_capital', 1],
      ] as const);
    case 'guarantee':
      return rng.weighted([
        ['working_capital', 2],
        ['project', 1],
      ] as const);
    default:
      return rng.weighted([
        ['working_capital', 3],
        ['rnd', 1],
      ] as const);
  }
}
