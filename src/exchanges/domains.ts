/**
 * Official-host checks. A host belongs to a domain only when it equals it or is a subdomain of it: never by
 * substring, so `tj-binance.com`, `evilbinance.com` and `binance.com.evil.io` are not Binance.
 */
import { EXCHANGES } from './index';
import { hostMatchesDomain, normaliseHost } from './hosts';
import type { Exchange } from './types';

export { hostMatchesDomain };

function hostIs(host: string, exact: string): boolean {
  const h = normaliseHost(host);
  return h !== undefined && h === normaliseHost(exact);
}

/**
 * How specifically an exchange claims a host: an exact API host beats any web domain, and a longer web domain
 * beats a shorter one (exchange.coinbase.com is Coinbase Exchange, not Coinbase). 0 means no claim.
 */
function claimStrength(host: string, exchange: Exchange): number {
  if (exchange.apiHosts.some((apiHost) => hostIs(host, apiHost))) return 1000;
  return exchange.webDomains.reduce(
    (best, domain) => (hostMatchesDomain(host, domain) ? Math.max(best, domain.length) : best),
    0,
  );
}

/** The exchange whose web domains or API hosts include `host`, if any. */
export function exchangeForHost(host: string): Exchange | undefined {
  let best: Exchange | undefined;
  let bestStrength = 0;
  for (const exchange of EXCHANGES) {
    const strength = claimStrength(host, exchange);
    if (strength > bestStrength) {
      best = exchange;
      bestStrength = strength;
    }
  }
  return best;
}

/** True for an https URL, on the default port, with no user info, on one of the exchange's own hosts. */
export function isOfficialUrl(url: string, exchange: Exchange): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '' || parsed.username !== '' || parsed.password !== '')
    return false;
  const host = parsed.hostname;
  return (
    exchange.webDomains.some((domain) => hostMatchesDomain(host, domain)) ||
    exchange.apiHosts.some((apiHost) => hostIs(host, apiHost))
  );
}
