/**
 * Helpers for the exchange tests: compact, comparable views of one exchange's data.
 */
import { isKnown } from './types';
import type { Exchange, Shape } from './types';

export function shapeOf(exchange: Exchange, id: string): Shape {
  const shape = exchange.shapes.find((s) => s.id === id);
  if (shape === undefined) throw new Error(`no shape ${id}`);
  return shape;
}

/** Which of the exchange's shapes accept `value`, by id. */
export function shapesMatching(exchange: Exchange, value: string): string[] {
  return exchange.shapes.filter((s) => s.pattern.test(value)).map((s) => s.id);
}

/** Expiry rules as `trigger/days/effect/(unbound|any)/confirmation`, or 'unknown'. */
export function expirySummary(exchange: Exchange): string[] | 'unknown' {
  const { expiry } = exchange.policies;
  if (!isKnown(expiry)) return 'unknown';
  return expiry.value.map(
    (r) =>
      `${r.trigger}/${r.days}/${r.effect}/${r.onlyWithoutIpAllowlist ? 'unbound' : 'any'}/${r.source.confirmation}`,
  );
}

/** `METHOD origin+path` of the permission endpoint, or 'unknown'. */
export function endpointSummary(exchange: Exchange): string {
  const ep = exchange.permissionEndpoint;
  return isKnown(ep) ? `${ep.value.method} ${ep.value.origin}${ep.value.path}` : 'unknown';
}

/** Ids of permissions marked dangerous, or 'unknown'. */
export function dangerousPermissions(exchange: Exchange): string[] | 'unknown' {
  const { permissions } = exchange;
  return isKnown(permissions) ? permissions.value.filter((p) => p.dangerous).map((p) => p.id) : 'unknown';
}

/** Field kinds, with `secret` flags, e.g. `passphrase*` for a secret passphrase. */
export function fieldKinds(exchange: Exchange): string[] {
  return [...new Set(exchange.fields.map((f) => `${f.kind}${f.secret ? '*' : ''}`))].sort();
}
