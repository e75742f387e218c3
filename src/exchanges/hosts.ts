/**
 * Host matching with no dependencies, so the content script can use it without bundling the knowledge base.
 * A host belongs to a domain only when it equals it or is a subdomain of it: never by substring.
 */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Lower-cased host without one trailing dot, or undefined when it is not a plain DNS name. */
export function normaliseHost(host: string): string | undefined {
  let name = host.toLowerCase();
  if (name.endsWith('.')) name = name.slice(0, -1);
  if (name.length === 0 || name.length > 253) return undefined;
  return name.split('.').every((label) => LABEL.test(label)) ? name : undefined;
}

/** True when `host` is `domain` or one of its subdomains (case-insensitive, trailing dot tolerated). */
export function hostMatchesDomain(host: string, domain: string): boolean {
  const h = normaliseHost(host);
  const d = normaliseHost(domain);
  if (h === undefined || d === undefined) return false;
  return h === d || h.endsWith(`.${d}`);
}
