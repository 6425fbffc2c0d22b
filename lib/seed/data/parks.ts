// 佛山高新区 一区五园: one park per district of Foshan.
export interface ParkSeed {
  code: string;
  name: string;
  nameEn: string;
  districtCode: string;
  /** The district as written in company names: 佛山市南海区… */
  districtName: string;
  sortOrder: number;
}

export const PARKS: readonly ParkSeed[] = [
  { code: 'chancheng', name: '禅城园', nameEn: 'Chancheng Park', districtCode: '440604', districtName: '禅城区', sortOrder: 1 },
  { code: 'nanhai', name: '南海园', nameEn: 'Nanhai Park', districtCode: '440605', districtName: '南海区', sortOrder: 2 },
  { code: 'shunde', name: '顺德园', nameEn: 'Shunde Park', districtCode: '440606', districtName: '顺德区', sortOrder: 3 },
  { code: 'gaoming', name: '高明园', nameEn: 'Gaoming Park', districtCode: '440608', districtName: '高明区', sortOrder: 4 },
  { code: 'sanshui', name: '三水园', nameEn: 'Sanshui Park', districtCode: '440607', districtName: '三水区', sortOrder: 5 },
];
