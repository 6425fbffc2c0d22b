import { describe, expect, it } from 'vitest';
import { auditValueText } from './audit-changes';

describe('auditValueText', () => {
  it('shows a stored instant in zone time, as the audit page’s own times are, and other values as stored', () => {
    // 08:04:30 UTC is 16:04 in Beijing.
    expect(auditValueText('2026-12-03T08:04:30.569Z', 'zh')).toContain('16:04');
    expect(auditValueText('2026-12-03T08:04:30.569Z', 'zh')).not.toContain('Z');
    expect(auditValueText('2026-12-03', 'zh')).toBe('2026-12-03');
    expect(auditValueText(false, 'en')).toBe('false');
    expect(auditValueText(null, 'en')).toBe('—');
    expect(auditValueText('x'.repeat(400), 'en')).toHaveLength(301);
  });
});
