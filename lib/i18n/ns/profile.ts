// Texts of one area, in both languages (lib/i18n/zh.ts and en.ts mount them under 'profile').
export const zh = {
  title: '',
};

export const en: typeof zh = {
  title: '',
};
