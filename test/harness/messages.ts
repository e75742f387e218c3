import type { Page } from 'playwright-core';
import type { MessageType, Reply, RequestOf } from '../../src/shared/messages';

/**
 * Sends one typed message to the background from an extension page (the popup opened as a tab), as the popup does,
 * and returns the raw reply so tests can assert refusals as well as answers.
 */
export async function call<K extends MessageType>(
  page: Page,
  type: K,
  payload: RequestOf<K>,
): Promise<Reply<K>> {
  const reply: Reply<K> = await page.evaluate((message) => chrome.runtime.sendMessage(message), {
    type,
    payload,
  });
  return reply;
}

/** Like `call`, but throws with the error code when the background refuses. */
export async function ask<K extends MessageType>(page: Page, type: K, payload: RequestOf<K>) {
  const reply = await call(page, type, payload);
  if (!reply.ok) throw new Error(`${type} failed: ${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}
