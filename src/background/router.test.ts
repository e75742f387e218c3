import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { dispatch, PublicError, type RouteSpec, type RouteTable } from './router';

const self = { id: 'ext', origin: 'chrome-extension://ext' };
const page = { id: 'ext', url: 'chrome-extension://ext/popup/index.html' };
const content = { id: 'ext', url: 'https://example.com/', frameId: 0, tab: { id: 1 } };

// A route table as the background builds it, with a handler whose behaviour each test picks.
function routesWith(
  handle: () => unknown,
  from: RouteSpec<'health.ping'>['from'] = ['extension-page'],
): RouteTable {
  return {
    'health.ping': {
      from,
      payload: v.strictObject({}),
      handle: handle as RouteSpec<'health.ping'>['handle'],
    },
  };
}

const pong = { version: '1', role: 'extension-page', workerStartedAt: 1 } as const;

describe('dispatch', () => {
  it('answers an allowed sender with the handler value', async () => {
    const reply = await dispatch(
      routesWith(() => pong),
      { type: 'health.ping', payload: {} },
      page,
      self,
    );
    expect(reply).toEqual({ ok: true, value: pong });
  });

  it('refuses a content script on a page-only route, without running the handler', async () => {
    let ran = false;
    const routes = routesWith(() => {
      ran = true;
      return pong;
    });
    const reply = await dispatch(routes, { type: 'health.ping', payload: {} }, content, self);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(ran).toBe(false);
  });

  it('refuses other extensions and unknown senders', async () => {
    const routes = routesWith(() => pong, ['extension-page', 'content-script']);
    for (const sender of [
      { ...page, id: 'other' },
      { id: 'ext', url: 'https://x.test/' },
    ]) {
      expect(await dispatch(routes, { type: 'health.ping', payload: {} }, sender, self)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
  });

  it.each([
    ['not an object', 'health.ping'],
    ['missing payload', { type: 'health.ping' }],
    ['extra envelope field', { type: 'health.ping', payload: {}, extra: 1 }],
    ['extra payload field', { type: 'health.ping', payload: { secret: 'x' } }],
    ['unknown type', { type: 'vault.dump', payload: {} }],
    ['prototype key as type', { type: '__proto__', payload: {} }],
    ['toString as type', { type: 'toString', payload: {} }],
  ])('rejects a malformed message: %s', async (_name, message) => {
    const reply = await dispatch(
      routesWith(() => pong),
      message,
      page,
      self,
    );
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(['bad-request', 'unknown-message']).toContain(reply.error.code);
  });

  it('passes public errors through and hides the text of unexpected ones', async () => {
    const publicReply = await dispatch(
      routesWith(() => {
        throw new PublicError('locked', 'The vault is locked.');
      }),
      { type: 'health.ping', payload: {} },
      page,
      self,
    );
    expect(publicReply).toEqual({ ok: false, error: { code: 'locked', message: 'The vault is locked.' } });

    const original = console.error;
    console.error = () => {};
    try {
      const hidden = await dispatch(
        routesWith(() => {
          throw new Error('secret=abcd1234 leaked into an error');
        }),
        { type: 'health.ping', payload: {} },
        page,
        self,
      );
      expect(hidden).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(JSON.stringify(hidden)).not.toContain('abcd1234');
    } finally {
      console.error = original;
    }
  });
});
