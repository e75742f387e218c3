/** Knowledge-base lookups the views share: permission names, field variants and shape hints. */
import { getExchange } from '../exchanges/index';
import {
  isKnown,
  type CredentialField,
  type ExchangeId,
  type FieldKind,
  type Permission,
} from '../exchanges/types';

export interface PermissionView {
  readonly id: string;
  readonly label: string;
  readonly dangerous: boolean;
  /** False when the knowledge base does not list this id: shown as recorded. */
  readonly known: boolean;
}

export function permissionCatalogue(exchange: ExchangeId): readonly Permission[] | null {
  const permissions = getExchange(exchange).permissions;
  return isKnown(permissions) ? permissions.value : null;
}

/** Recorded permission ids with the exchange's own names; unknown ids shown as typed. */
export function permissionViews(exchange: ExchangeId, ids: readonly string[]): PermissionView[] {
  const catalogue = permissionCatalogue(exchange) ?? [];
  return ids.map((id) => {
    const found = catalogue.find((p) => p.id === id || p.label.toLowerCase() === id.toLowerCase());
    return found
      ? { id, label: found.label, dangerous: found.dangerous, known: true }
      : { id, label: id, dangerous: false, known: false };
  });
}

/** Key types an exchange offers ('hmac', 'ed25519', …), in the order its fields list them. */
export function variantsOf(exchange: ExchangeId): string[] {
  const variants: string[] = [];
  for (const field of getExchange(exchange).fields)
    if (field.variant !== undefined && !variants.includes(field.variant)) variants.push(field.variant);
  return variants;
}

export function fieldsFor(exchange: ExchangeId, variant: string | null): CredentialField[] {
  return getExchange(exchange).fields.filter((f) => f.variant === undefined || f.variant === variant);
}

/** The variant whose secret fields best match what is stored (for the edit form). */
export function guessVariant(exchange: ExchangeId, stored: readonly FieldKind[]): string | null {
  const variants = variantsOf(exchange);
  for (const variant of variants) {
    const kinds = fieldsFor(exchange, variant)
      .filter((f) => f.variant !== undefined)
      .map((f) => f.kind);
    if (kinds.every((kind) => stored.includes(kind))) return variant;
  }
  return variants[0] ?? null;
}

export type ShapeCheck =
  | { readonly state: 'empty' }
  | { readonly state: 'no-shape' }
  | { readonly state: 'matches' }
  | { readonly state: 'whitespace' }
  | { readonly state: 'differs'; readonly descriptions: readonly string[]; readonly length: number };

/** Compares a typed value with the knowledge base's shapes for that field: a hint only, never a reason to refuse. */
export function checkShape(
  exchange: ExchangeId,
  field: FieldKind,
  variant: string | null,
  value: string,
): ShapeCheck {
  if (value === '') return { state: 'empty' };
  const shapes = getExchange(exchange).shapes.filter(
    (s) => s.field === field && (s.variant === undefined || variant === null || s.variant === variant),
  );
  if (shapes.length === 0) return { state: 'no-shape' };
  if (value.trim() !== value && shapes.some((s) => s.pattern.test(value.trim())))
    return { state: 'whitespace' };
  if (shapes.some((s) => s.pattern.test(value))) return { state: 'matches' };
  return {
    state: 'differs',
    descriptions: [...new Set(shapes.map((s) => s.description))],
    length: Array.from(value).length,
  };
}
