// Parts for fictional enterprise names: 佛山市 + district + trade name + line of business + 有限公司.
// Industry letters are GB/T 4754-2017 sections: C 制造业, I 信息传输、软件和信息技术服务业,
// M 科学研究和技术服务业.

/** Two-character trade names (字号), all distinct. */
export const TRADE_NAMES: readonly string[] = [
  '华锐', '德创', '精工', '恒晟', '智拓', '联科', '博远', '汇能', '新鸿', '宏图',
  '高得', '瑞丰', '中研', '安捷', '启明', '天衡', '凯越', '锦程', '万德', '迅驰',
  '卓越', '泰和', '普瑞', '奥维', '聚源', '明峰', '海纳', '正邦', '思创', '立信',
  '弘毅', '华迅', '科力', '鼎新', '优联', '嘉禾', '盛美', '金菱', '南科', '佳途',
  '力拓', '同创', '云帆', '驰宇', '晶石', '美达', '睿智', '东恒', '致远', '信达',
  '永圣', '顺科', '和鑫', '禾木', '拓维', '领航', '新材', '汇知', '澳森', '雅图',
];

export const INDUSTRY_SUFFIXES: Readonly<Record<'C' | 'I' | 'M', readonly string[]>> = {
  C: [
    '智能装备', '精密机械', '新材料科技', '电子科技', '光电科技', '机器人科技', '汽车零部件',
    '家电科技', '陶瓷科技', '医疗器械', '新能源科技', '数控技术', '铝材科技', '电机科技',
  ],
  I: ['信息技术', '软件科技', '数据科技', '网络科技', '物联网科技', '智能科技'],
  M: ['检测技术', '工业设计', '环保科技', '生物技术', '科技咨询', '新材料研究院'],
};

/** Suffix of the industry line that tells the title generator what the company makes. */
export function productLineOf(suffix: string): 'machine' | 'electronic' | 'material' | 'software' | 'bio' | 'service' {
  if (/软件|信息|数据|网络|物联网|智能科技/.test(suffix)) return 'software';
  if (/生物|医疗/.test(suffix)) return 'bio';
  if (/材料|陶瓷|铝材|环保/.test(suffix)) return 'material';
  if (/电子|光电|电机|新能源|家电/.test(suffix)) return 'electronic';
  if (/检测|设计|咨询/.test(suffix)) return 'service';
  return 'machine';
}

export const SURNAMES: readonly string[] = [
  '陈', '黄', '李', '梁', '张', '何', '林', '罗', '冯', '吴', '周', '郑', '刘', '谢', '潘',
  '区', '麦', '关', '卢', '邓', '钟', '杨', '朱', '叶', '曾', '苏', '霍', '简', '岑', '伍',
];

export const GIVEN_NAMES: readonly string[] = [
  '伟明', '家俊', '志华', '丽娟', '嘉豪', '淑贞', '国强', '晓明', '颖欣', '锦华', '振宇', '美玲',
  '永康', '文杰', '秀英', '浩文', '婉仪', '俊辉', '雪梅', '建新', '子轩', '慧珊', '海峰', '立新',
  '思颖', '德明', '宝仪', '耀华', '建业', '佩琪',
];

export const UNIVERSITIES: readonly string[] = [
  '华南理工大学', '佛山科学技术学院', '广东工业大学', '季华实验室', '中山大学', '佛山仙湖实验室',
];

export const APPRAISERS: readonly string[] = [
  '广东知衡资产评估有限公司', '佛山市正衡资产评估事务所有限公司', '中知华评（广东）资产评估有限公司', '广东粤信知识产权评估有限公司',
];
