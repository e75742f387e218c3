import { isHexChar } from '../charset';

/**
 * Only hex digits: commit ids, sha256 sums, transaction hashes and also some venues' keys. Such a value is never
 * flagged on its shape alone; it needs a credential label.
 */
export function isHexOnly(token: string): boolean {
  for (let i = 0; i < token.length; i++) if (!isHexChar(token.charCodeAt(i))) return false;
  return true;
}

/** `0x…`: an EVM address, transaction hash or calldata, never an exchange key. */
export function hasHexPrefix(token: string): boolean {
  return token.length > 2 && token.charCodeAt(0) === 48 && (token.charCodeAt(1) | 32) === 120;
}
