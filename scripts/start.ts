/**
 * `npm start`: builds, then opens Chromium with the extension on a fresh profile and the local demo page, where a
 * user can try pasting into a text field, an input and a rich-text field. Ctrl+C stops it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../test/harness/browsers';
import { EXTENSION_DIR } from '../test/harness/chromium';
import { startFixtureServer } from '../test/harness/server';

const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('npm start opens a browser window, and no display was found (DISPLAY is unset).');
  process.exit(1);
}

const server = await startFixtureServer();
const profile = await mkdtemp(join(tmpdir(), 'keywarden-start-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath(),
  headless: false,
  viewport: null,
  args: [
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(server.url('/demo.html'));
console.log(`Demo page: ${server.url('/demo.html')} — close the browser or press Ctrl+C to stop.`);

async function stop(): Promise<void> {
  await context.close().catch(() => {});
  await server.close();
  await rm(profile, { recursive: true, force: true });
  process.exit(0);
}
context.on('close', () => void stop());
process.on('SIGINT', () => void stop());
