// How documents are named on screen. Pure.
import type { Translate } from '../i18n/translate';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** "2025 财务报表", "专利证书 ZL…", "营业执照", "其他材料 · 设备采购合同". */
export function documentLabel(t: Translate, d: { kind: string; year: number | null; ipNumber?: string | null; title?: string | null }): string {
  const kind = t(`documents.kinds.${d.kind}`);
  if (d.year) return `${d.year} ${kind}`;
  if (d.ipNumber) return `${kind} ${d.ipNumber}`;
  if (d.title) return `${kind} · ${d.title}`;
  return kind;
}
