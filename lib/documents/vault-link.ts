// Links into the enterprise's document vault from a page that asks for a document (an application
// waiting for more materials, the apply page's checklist): the vault opens on the kind asked for
// and offers the way back. Only the app's own application and apply pages are ways back.
import { DOCUMENT_KINDS, type DocumentKindCode } from '../validation/document';

const BACK = /^\/(enterprise\/applications\/[0-9a-f-]{36}|products\/[0-9a-f-]{36}\/apply)$/;

/** The vault, opened on `kind` (when one is asked for), with `back` as the way back. */
export function vaultLink(kind: string | undefined, back: string): string {
  const valid = vaultQuery({ kind, back });
  const q = new URLSearchParams();
  if (valid.kind) q.set('kind', valid.kind);
  if (valid.back) q.set('back', valid.back);
  const s = q.toString();
  return s ? `/enterprise/documents?${s}` : '/enterprise/documents';
}

/** The vault page's query: the kind to upload and the way back, each only when valid. */
export function vaultQuery(params: { kind?: unknown; back?: unknown }): { kind: DocumentKindCode | null; back: string | null } {
  const kind = typeof params.kind === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(params.kind) ? (params.kind as DocumentKindCode) : null;
  const back = typeof params.back === 'string' && BACK.test(params.back) ? params.back : null;
  return { kind, back };
}
