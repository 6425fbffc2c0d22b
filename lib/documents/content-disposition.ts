// Content-Disposition for a download with the file's original name: an ASCII fallback in
// filename= and the exact name in filename*= (RFC 6266 with RFC 5987 encoding), so Chinese names
// arrive intact and no name can break out of the header. Pure.
export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'document';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
