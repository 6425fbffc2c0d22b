// An audit event's before and after rows, for reading: the fields that changed, with secrets
// redacted. Pure, so the admin's audit page component can use it without database code.
export interface AuditChange {
  field: string;
  before?: unknown;
  after?: unknown;
  redacted: boolean;
}

/** Secrets never shown, even if some writer put them in a row. */
const SECRET_FIELD = /password|token|secret/i;
/** Bookkeeping that changes with every write and says nothing. */
const NOISE_FIELDS = new Set(['updatedAt', 'searchGrams']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The fields an event changed: for an update only those that differ, for a creation (no before) or
 * a deletion (no after) every field of the one side. Values that are not objects compare whole.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const b = before ?? undefined;
  const a = after ?? undefined;
  if ((b !== undefined && !isRecord(b)) || (a !== undefined && !isRecord(a))) {
    return JSON.stringify(b) === JSON.stringify(a) ? [] : [{ field: '', before: b, after: a, redacted: false }];
  }
  const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((f) => !NOISE_FIELDS.has(f));
  const out: AuditChange[] = [];
  for (const field of fields) {
    const bv = b?.[field];
    const av = a?.[field];
    if (b && a && JSON.stringify(bv) === JSON.stringify(av)) continue;
    const redacted = SECRET_FIELD.test(field);
    out.push({ field, before: redacted || !b ? undefined : bv, after: redacted || !a ? undefined : av, redacted });
  }
  return out;
}
