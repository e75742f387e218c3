import { isBase58Char } from '../charset';

const BECH32 = /^[a-z]{2,12}1[02-9ac-hj-np-z]{20,90}$/;

/**
 * Blockchain addresses and ids written in base58 (Bitcoin, Solana, Tron: 25 to 44 characters with no 0, O, I or l)
 * (IPFS ids up to 60) or bech32 (`bc1q…`, `cosmos1…`). Public by design; a credential label is needed before such a value counts.
 */
export function isAddressLike(token: string): boolean {
  if (BECH32.test(token)) return true;
  if (token.length < 25 || token.length > 60) return false;
  for (let i = 0; i < token.length; i++) if (!isBase58Char(token.charCodeAt(i))) return false;
  return true;
}
