/**
 * The popup's costs, in one run: start-up to interactive with 300 credentials (real Chromium, the shipped build: from
 * navigation start to the moment all 300 rows are in the page, read from the page's own performance clock), and
 * the bundle it loads at start-up (JS and CSS, gzipped; static imports followed, lazy chunks listed apart).
 *
 * Run: npm run bench -- popup (builds first if extension/ is missing).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ChromiumExtension, EXTENSION_DIR } from '../harness/chromium';
import { ask } from '../harness/messages';

if (!existsSync(join(EXTENSION_DIR, 'popup/index.html')))
  spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });

// Bundle: what popup/index.html loads, following static `import … from "./x.js"` between chunks.
const html = readFileSync(join(EXTENSION_DIR, 'popup/index.html'), 'utf8');
const entries = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) =>
  join(EXTENSION_DIR, m[1]!),
);
const loaded = new Set<string>();
const lazy = new Set<string>();
const visit = (file: string) => {
  if (loaded.has(file)) return;
  loaded.add(file);
  if (!file.endsWith('.js')) return;
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g))
    visit(resolve(dirname(file), m[1]!));
  for (const m of code.matchAll(/import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g))
    lazy.add(resolve(dirname(file), m[1]!));
};
entries.forEach(visit);
const onDemand = new Set<string>();
const visitLazy = (file: string) => {
  if (loaded.has(file) || onDemand.has(file)) return;
  onDemand.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g))
    visitLazy(resolve(dirname(file), m[1]!));
  for (const m of code.matchAll(/import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g))
    visitLazy(resolve(dirname(file), m[1]!));
};
[...lazy].forEach(visitLazy);
const gz = (files: Iterable<string>) =>
  [...files].reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0) / 1024;
const lazyOnly = [...onDemand];
console.log('Popup bundle (extension/)');
console.log(`  loaded at start-up: ${gz(loaded).toFixed(1)} KB gzipped in ${loaded.size} files`);
console.log(`  loaded later on demand: ${gz(lazyOnly).toFixed(1)} KB gzipped in ${lazyOnly.length} files`);

const browser = await ChromiumExtension.launch();
try {
  const setup = await browser.openPopup();
  await ask(setup, 'vault.create', { passphrase: 'correct horse battery staple orbit' });
  const exchanges = ['binance', 'bybit', 'okx', 'kraken', 'kucoin', 'gate'] as const;
  const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const token = (n: number) =>
    Array.from({ length: n }, () => alnum[Math.floor(Math.random() * 62)]).join('');
  for (let i = 0; i < 300; i++) {
    await ask(setup, 'vault.add', {
      input: {
        exchange: exchanges[i % exchanges.length]!,
        label: `bot ${i}`,
        secrets: { apiKey: token(32), secret: token(64) },
        ipAllowlist: i % 2 ? { state: 'none' } : { state: 'unknown' },
        createdAt: Date.now() - (i % 200) * 86_400_000,
        usedBy: [{ kind: 'bot', name: `bot ${i % 17}`, domain: null }],
      },
    });
  }
  await setup.close();
  const samples: number[] = [];
  for (let run = 0; run < 8; run++) {
    const page = await browser.context.newPage();
    await page.goto(browser.url('popup/index.html'));
    const handle = await page.waitForFunction(
      () => (document.querySelectorAll('[data-testid^="credential-"]').length >= 300 ? performance.now() : 0),
      undefined,
      { polling: 'raf', timeout: 30_000 },
    );
    samples.push(await handle.jsonValue());
    await page.close();
  }
  samples.sort((a, b) => a - b);
  console.log(
    `  start-up to interactive with 300 credentials (Chromium): median ${samples[4]!.toFixed(0)} ms, min ${samples[0]!.toFixed(0)} ms, max ${samples[7]!.toFixed(0)} ms (8 runs, first one cold)`,
  );
} finally {
  await browser.close();
}
