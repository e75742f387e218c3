import { existsSync } from 'node:fs';

/** Finds a browser binary or fails with a message that says how to install it. */
function findBinary(envVar: string, candidates: readonly string[], install: string): string {
  const fromEnv = process.env[envVar];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    `${candidates[0]} not found. End-to-end tests need it: install it with \`${install}\`, or set ${envVar} to its path.`,
  );
}

export function chromiumPath(): string {
  return findBinary(
    'CHROMIUM_PATH',
    ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
    'sudo apt-get install -y chromium',
  );
}

export function firefoxPath(): string {
  return findBinary(
    'FIREFOX_PATH',
    ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
    'sudo apt-get install -y firefox-esr',
  );
}
