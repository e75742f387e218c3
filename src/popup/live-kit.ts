/**
 * The live-audit pieces the popup needs (which exchanges have a live audit, their API origins, the timestamp hint).
 * They pull in every exchange's signer, so the popup loads them on demand to keep its first load small.
 */
export { LIVE_AUDIT_EXCHANGES } from '../live-audit/exchanges/index';
export { timestampHint } from '../live-audit/explain';
export { ALLOWLIST } from '../live-audit/allowlist';
