'use client';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';

/** Puts the server's field errors (message keys) on the form's fields; returns the form-level key. */
export function applyServerErrors<T extends FieldValues>(setError: UseFormSetError<T>, result: { error: string; fieldErrors?: Record<string, string> }): string | undefined {
  const fields = Object.entries(result.fieldErrors ?? {});
  for (const [name, message] of fields) setError(name as Path<T>, { type: 'server', message });
  return fields.length ? undefined : result.error;
}
