const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID: ids of orders, requests and records, as well as some venues' keys; it needs a credential label. */
export function isUuid(token: string): boolean {
  return token.length === 36 && UUID.test(token);
}
