#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in order, stopping at the first failure.
 * Types, lint and format, unit tests (Node), the build, web-ext lint (0 errors), then end-to-end tests in real
 * Chromium and Firefox ESR. Ends with one line counting every test: "tests: N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const results = '.cache/test-results';
mkdirSync(results, { recursive: true });

function requireBrowser(name, paths, install) {
  if (paths.some((path) => existsSync(path))) return;
  console.error(`\n${name} is missing. End-to-end tests need it. Install it with:\n  ${install}\n`);
  process.exit(1);
}

const envPath = (name) => (process.env[name] ? [process.env[name]] : []);
requireBrowser(
  'Chromium',
  [...envPath('CHROMIUM_PATH'), '/usr/bin/chromium'],
  'sudo apt-get install -y chromium',
);
requireBrowser(
  'Firefox ESR',
  [...envPath('FIREFOX_PATH'), '/usr/bin/firefox-esr'],
  'sudo apt-get install -y firefox-esr',
);

function run(label, command, args) {
  const started = Date.now();
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  console.log(`${status === 0 ? '✔' : '✘'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (status !== 0) {
    summarize();
    process.exit(status ?? 1);
  }
}

function webExtLint() {
  const started = Date.now();
  console.log('\n▶ web-ext lint');
  const { stdout, status } = spawnSync(
    'npx',
    ['web-ext', 'lint', '--source-dir', 'extension', '--output', 'json', '--self-hosted=false'],
    { encoding: 'utf8' },
  );
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    console.error(stdout);
    process.exit(status || 1);
  }
  for (const item of [...report.errors, ...report.warnings]) {
    console.log(
      `  ${report.errors.includes(item) ? 'error' : 'warning'} ${item.code}: ${item.message} (${item.file ?? ''})`,
    );
  }
  console.log(
    `${report.errors.length === 0 ? '✔' : '✘'} web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (report.errors.length > 0) process.exit(1);
}

function summarize() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const project of ['unit', 'e2e']) {
    const file = `${results}/${project}.json`;
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  }
  console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
}

const vitest = (project) => [
  'vitest',
  'run',
  '--project',
  project,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${results}/${project}.json`,
];

run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
run('eslint', 'npx', ['eslint', '.']);
run('prettier', 'npx', ['prettier', '--check', '.']);
run('unit tests', 'npx', vitest('unit'));
run('build', 'npx', ['vite', 'build']);
process.env.KEYWARDEN_VARIANT = 'test-grants';
run('build (test variant with optional permissions granted)', 'npx', ['vite', 'build', '--logLevel', 'warn']);
delete process.env.KEYWARDEN_VARIANT;
webExtLint();
run('end-to-end tests (Chromium, Firefox)', 'npx', vitest('e2e'));
summarize();
