/**
 * Optional permissions, asked for inside the click that needs them (chrome.permissions.request must run during a
 * user gesture: https://developer.chrome.com/docs/extensions/reference/api/permissions#method-request). Call these
 * before any other await in the handler.
 */
import type { ExchangeId } from '../exchanges/types';
import type { LiveKit } from './use-live-kit';

/** True when granted (or already held); false when refused or when this browser cannot grant it. */
export async function requestPermissions(request: chrome.permissions.Permissions): Promise<boolean> {
  try {
    return await chrome.permissions.request(request);
  } catch {
    // Not declared as optional in this build, or not supported here: treat as refused.
    return false;
  }
}

/** The https origins an exchange's live audit talks to, as match patterns for chrome.permissions. */
export function liveAuditOrigins(kit: LiveKit, exchange: ExchangeId): string[] {
  const origins = new Set<string>();
  for (const entry of kit.ALLOWLIST) if (entry.exchange === exchange) origins.add(`${entry.origin}/*`);
  return [...origins];
}
