/**
 * `npm run package`: builds, then zips extension/ with web-ext into dist/ for both stores. One manifest serves
 * Chromium and Firefox, so both zips hold the same files under the names each store's upload form expects.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

function run(command: string, args: string[]): void {
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}

run('npx', ['vite', 'build']);
const firefox = `keywarden-${version}-firefox.zip`;
run('npx', [
  'web-ext',
  'build',
  '--source-dir',
  'extension',
  '--artifacts-dir',
  'dist',
  '--filename',
  firefox,
  '--overwrite-dest',
]);
copyFileSync(`dist/${firefox}`, `dist/keywarden-${version}-chrome.zip`);
console.log(`dist/${firefox}\ndist/keywarden-${version}-chrome.zip`);
