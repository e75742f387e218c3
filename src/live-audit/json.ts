/**
 * Defensive readers for exchange JSON: answers are untrusted and change shape without notice.
 */

export function record(value: unknown): Readonly<Record<string, unknown>> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

export function field(value: unknown, ...path: readonly (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof key === 'number') current = Array.isArray(current) ? (current[key] as unknown) : undefined;
    else current = record(current)?.[key];
  }
  return current;
}

/** A string or a finite number, as a string. */
export function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** A finite number from a number or a numeric string. */
export function numeric(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return null;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(text).filter((v): v is string => v !== null) : [];
}

/** Splits a comma (or whitespace) separated list, dropping empties. */
export function splitList(value: unknown): string[] {
  const s = text(value);
  return s === null
    ? []
    : s
        .split(/[,\s]+/)
        .map((part) => part.trim())
        .filter((part) => part !== '');
}
