/**
 * `npm run screenshots`: regenerates the README's screenshots (docs/screenshots/*.png) from the end-to-end harness,
 * so they always show the current build. Builds first. Synthetic keys only.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { ChromiumExtension } from '../test/harness/chromium';
import { waitForWarning } from '../test/harness/guard';
import { ask } from '../test/harness/messages';
import { pasteInto } from '../test/harness/paste';
import { startFixtureServer } from '../test/harness/server';

const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const OUT = 'docs/screenshots';
const DAY = 86_400_000;
mkdirSync(OUT, { recursive: true });

const server = await startFixtureServer();
const browser = await ChromiumExtension.launch();
try {
  const popup = await browser.openPopup();
  await popup.setViewportSize({ width: 400, height: 600 });
  await ask(popup, 'vault.create', { passphrase: 'correct horse battery staple orbit' });
  const grid = await ask(popup, 'vault.add', {
    input: {
      exchange: 'binance',
      label: 'Grid bot',
      secrets: {
        apiKey: 'Qm7Rt2Lx9Vb4Nc8Zp1Ks6Hd3Wf5Jg0Ty2Ua7Ie4Ob9Pl3Mk8Nj1Hb6Gv5Fc0Dx2S',
        secret: 'Vd8fQ2kLm9PzR4tY7uWx1cE3bN6aS0hJ5gK2lM8nB4vC7xZ9qW3eR6tY1uI0oP5a',
      },
      permissions: ['enableReading', 'enableSpotAndMarginTrading', 'enableWithdrawals'],
      ipAllowlist: { state: 'none' },
      createdAt: Date.now() - 130 * DAY,
      usedBy: [{ kind: 'bot', name: 'Grid bot', domain: null }],
    },
  });
  await ask(popup, 'vault.add', {
    input: {
      exchange: 'bybit',
      label: 'DCA bot',
      secrets: { apiKey: 'Xk3Lm9Qp2Rt7Vw4Yz1', secret: 'Hd3Wf5Jg0Ty2Ua7Ie4Ob9Pl3Mk8Nj1Hb6Gv5' },
      ipAllowlist: { state: 'none' },
      createdAt: Date.now() - 80 * DAY,
    },
  });
  const okx = await ask(popup, 'vault.add', {
    input: {
      exchange: 'okx',
      label: 'Tax tool',
      secrets: {
        apiKey: '5f8e2d1c-3b4a-4c6d-9e8f-7a6b5c4d3e2f',
        secret: 'A1B2C3D4E5F60718293A4B5C6D7E8F90',
        passphrase: 'Tr4der!Pass-phrase',
      },
      permissions: ['read'],
      ipAllowlist: { state: 'list', entries: ['203.0.113.7'] },
      createdAt: Date.now() - 20 * DAY,
      usedBy: [{ kind: 'app', name: 'Koinly', domain: 'koinly.io' }],
    },
  });
  const shot = async (hash: string, name: string, scheme: 'light' | 'dark' = 'light') => {
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.goto(browser.url(`popup/index.html${hash}`));
    await popup.reload();
    await popup.locator('h1, h2').first().waitFor();
    await popup.waitForLoadState('networkidle');
    await popup.screenshot({ path: `${OUT}/${name}.png` });
    console.log(`${OUT}/${name}.png`);
  };
  await shot('#/', 'inventory');
  await shot('#/', 'inventory-dark', 'dark');
  await shot(`#/key/${grid.id}`, 'key-audit');
  await shot('#/add', 'add-key');
  const incident = await ask(popup, 'incident.open', { credentialId: okx.id, source: 'popup' });
  await shot(`#/incident/${incident.incident.id}`, 'incident');

  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 800, height: 420 });
  await page.goto(server.url('/demo.html', 'chat.test'));
  await pasteInto(
    browser.context,
    page,
    '#textarea',
    'BYBIT_API_SECRET=Hd3Wf5Jg0Ty2Ua7Ie4Ob9Pl3Mk8Nj1Hb6Gv5',
    server.url('/'),
  );
  await waitForWarning(browser, page);
  await page.screenshot({ path: `${OUT}/paste-warning.png` });
  console.log(`${OUT}/paste-warning.png`);
} finally {
  await browser.close();
  await server.close();
}
