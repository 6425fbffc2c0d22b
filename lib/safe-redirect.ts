/** Only same-site paths: '/admin?x=1' yes, '//evil.example' and 'https://…' no. */
export function safeCallbackPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return value;
}
