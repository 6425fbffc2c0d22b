// Financial institutions of the demo zone. Names are branch names as a visitor would expect them;
// codes, phones and contacts are invented.
export type InstitutionSeedKind = 'bank' | 'guarantee' | 'other';
export type InstitutionSeedStatus = 'pending' | 'active' | 'suspended';

export interface InstitutionSeed {
  key: string;
  name: string;
  kind: InstitutionSeedKind;
  status: InstitutionSeedStatus;
  /** First 17 characters of the USCC; the check character is computed. */
  usccBody: string;
  contactName: string;
  contactPhone: string;
  /** The institution's one platform user (the demo bank's is bank@kerongtong.demo). */
  officerName: string;
  /** Typical working hours from submission to first action: the league table should show spread. */
  responseHours: number;
  /** When it joined the platform (YYYY-MM-DD). */
  joinedOn: string;
}

export const INSTITUTIONS: readonly InstitutionSeed[] = [
  {
    key: 'icbc',
    name: '工商银行佛山分行',
    kind: 'bank',
    status: 'active',
    usccBody: '91440600193527064',
    contactName: '梁国栋',
    contactPhone: '0757-83381201',
    officerName: '陈志强',
    responseHours: 5,
    joinedOn: '2024-11-18',
  },
  {
    key: 'ccb',
    name: '建设银行佛山分行',
    kind: 'bank',
    status: 'active',
    usccBody: '91440600893541270',
    contactName: '黄嘉欣',
    contactPhone: '0757-83362288',
    officerName: '何俊杰',
    responseHours: 9,
    joinedOn: '2024-11-20',
  },
  {
    key: 'abc',
    name: '农业银行佛山分行',
    kind: 'bank',
    status: 'active',
    usccBody: '91440600725061948',
    contactName: '吴振华',
    contactPhone: '0757-83127705',
    officerName: '罗晓燕',
    responseHours: 14,
    joinedOn: '2024-11-25',
  },
  {
    key: 'boc',
    name: '中国银行佛山分行',
    kind: 'bank',
    status: 'active',
    usccBody: '9144060019352918X',
    contactName: '郑婉婷',
    contactPhone: '0757-82269316',
    officerName: '冯家豪',
    responseHours: 11,
    joinedOn: '2024-11-26',
  },
  {
    key: 'cmb',
    name: '招商银行佛山分行',
    kind: 'bank',
    status: 'active',
    usccBody: '9144060066150872M',
    contactName: '林子健',
    contactPhone: '0757-83989107',
    officerName: '谢雨萱',
    responseHours: 7,
    joinedOn: '2024-12-03',
  },
  {
    key: 'cgb',
    name: '广发银行佛山分行',
    kind: 'bank',
    status: 'active',
    usccBody: '91440600708145326',
    contactName: '杜明辉',
    contactPhone: '0757-83035522',
    officerName: '潘诗琪',
    responseHours: 18,
    joinedOn: '2024-12-05',
  },
  {
    key: 'fsrcb',
    name: '佛山农商银行',
    kind: 'bank',
    status: 'active',
    usccBody: '91440600MA4UK3D71',
    contactName: '邓志明',
    contactPhone: '0757-86228803',
    officerName: '区文轩',
    responseHours: 8,
    joinedOn: '2024-12-10',
  },
  {
    key: 'sdrcb',
    name: '顺德农商银行',
    kind: 'bank',
    status: 'active',
    usccBody: '91440606279983052',
    contactName: '麦淑仪',
    contactPhone: '0757-22383456',
    officerName: '卢浩然',
    responseHours: 20,
    joinedOn: '2024-12-12',
  },
  {
    key: 'fsguar',
    name: '佛山市融资担保有限公司',
    kind: 'guarantee',
    status: 'active',
    usccBody: '91440600MA51R8N4W',
    contactName: '关慧敏',
    contactPhone: '0757-83216670',
    officerName: '苏志远',
    responseHours: 16,
    joinedOn: '2024-12-16',
  },
  {
    key: 'cmbc',
    name: '民生银行佛山分行',
    kind: 'bank',
    status: 'pending',
    usccBody: '91440600559178H3Q',
    contactName: '钟晓峰',
    contactPhone: '0757-83998120',
    officerName: '陆思远',
    responseHours: 12,
    joinedOn: '2026-11-17',
  },
  {
    key: 'nhkcxd',
    name: '佛山市南海区科创小额贷款有限公司',
    kind: 'other',
    status: 'suspended',
    usccBody: '91440605MA4W2P7K8',
    contactName: '崔振东',
    contactPhone: '0757-86613388',
    officerName: '叶嘉怡',
    responseHours: 30,
    joinedOn: '2025-01-08',
  },
];
