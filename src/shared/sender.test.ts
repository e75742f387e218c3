import { describe, expect, it } from 'vitest';
import { classifySender, senderHostname } from './sender';

const self = { id: 'ext', origin: 'chrome-extension://ext' };

describe('classifySender', () => {
  it.each([
    [
      'popup (no tab)',
      { id: 'ext', url: 'chrome-extension://ext/popup/index.html', origin: 'chrome-extension://ext' },
      'extension-page',
    ],
    [
      'popup opened as a tab',
      { id: 'ext', url: 'chrome-extension://ext/popup/index.html', frameId: 0, tab: { id: 3 } },
      'extension-page',
    ],
    ['Firefox page (url only)', { id: 'ext', url: 'moz-extension://u/popup/index.html' }, null],
    [
      'content script, top frame',
      { id: 'ext', url: 'https://example.com/', origin: 'https://example.com', frameId: 0, tab: { id: 1 } },
      'content-script',
    ],
    [
      'content script, iframe',
      { id: 'ext', url: 'https://other.test/f', frameId: 7, tab: { id: 1 } },
      'content-script',
    ],
    [
      'extension page inside a frame',
      { id: 'ext', url: 'chrome-extension://ext/popup/index.html', frameId: 4, tab: { id: 1 } },
      null,
    ],
    [
      'another extension',
      { id: 'evil', url: 'chrome-extension://evil/x.html', origin: 'chrome-extension://evil' },
      null,
    ],
    ['no id', { url: 'https://example.com/', tab: { id: 1 } }, null],
    ['no tab and not our origin', { id: 'ext', url: 'https://example.com/' }, null],
    [
      'opaque origin falls back to url',
      { id: 'ext', url: 'about:blank', origin: 'null', frameId: 2, tab: { id: 1 } },
      'content-script',
    ],
  ] as const)('%s', (_name, sender, expected) => {
    expect(classifySender(sender, self)).toBe(expected);
  });

  it('accepts a Firefox extension page by url', () => {
    const firefox = { id: 'kw@x', origin: 'moz-extension://u' };
    expect(classifySender({ id: 'kw@x', url: 'moz-extension://u/popup/index.html' }, firefox)).toBe(
      'extension-page',
    );
  });
});

describe('senderHostname', () => {
  it.each([
    [{ origin: 'https://chat.example', url: 'https://chat.example/a' }, 'chat.example'],
    [{ url: 'http://cross.test:8080/fields.html' }, 'cross.test'],
    [{ origin: 'null', url: 'https://inherits.example/' }, 'inherits.example'],
    [{ origin: 'null', url: 'about:blank' }, null],
    [{}, null],
  ] as const)('%o → %s', (sender, expected) => {
    expect(senderHostname(sender)).toBe(expected);
  });
});
