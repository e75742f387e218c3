// Command-line secret scanner: `tsx src/cli/scan.ts [--json] [--all] <file|dir|->...`.
// Exit status: 0 no medium or high finding, 1 at least one, 2 usage or read error.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { detect, previewOf, type Finding } from '../detector/index';
import { DETECTOR_RULES } from '../detector/rules.generated';

const SKIP_DIRS = new Set(['.git', 'node_modules']);
const USAGE = 'usage: scan [--json] [--all] <file|dir|->...';

interface Located extends Finding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly preview: string;
}

/** A NUL byte in the first 8 KB marks a binary file, as git and grep decide. */
function isBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

function* files(path: string): Generator<string> {
  const info = statSync(path);
  if (!info.isDirectory()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.isDirectory() && SKIP_DIRS.has(entry.name)) continue;
    if (entry.isDirectory() || entry.isFile()) yield* files(join(path, entry.name));
  }
}

/** 1-based line and column (UTF-16 units) of every finding, in one pass over the text. */
function locate(file: string, text: string, findings: readonly Finding[]): Located[] {
  const out: Located[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  for (const f of findings) {
    for (; i < f.start; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    out.push({
      ...f,
      file,
      line,
      column: f.start - lineStart + 1,
      preview: previewOf(text.slice(f.start, f.end)),
    });
  }
  return out;
}

function describe(f: Located): string {
  const where = `${f.file}:${f.line}:${f.column}`;
  const what = f.kind === 'apiKey' ? 'API key (identifies the account)' : f.kind;
  return `${where}  ${f.confidence.toUpperCase()}  ${f.exchange ?? 'unknown exchange'} ${what}  ${f.preview}  [${f.rule}]`;
}

function main(argv: readonly string[]): number {
  const json = argv.includes('--json');
  const all = argv.includes('--all');
  const targets = argv.filter((a) => a !== '--json' && a !== '--all');
  if (targets.length === 0 || targets.some((t) => t.startsWith('--'))) {
    console.error(USAGE);
    return 2;
  }
  let alarm = false;
  let failed = false;
  let hiddenLow = 0;
  const report = (name: string, text: string): void => {
    for (const f of locate(name, text, detect(text, DETECTOR_RULES))) {
      if (f.confidence !== 'low') alarm = true;
      if (json) {
        const { file, line, column, start, end, exchange, kind, confidence, rule, preview } = f;
        console.log(
          JSON.stringify({ file, line, column, start, end, exchange, kind, confidence, rule, preview }),
        );
      } else if (f.confidence !== 'low' || all) console.log(describe(f));
      else hiddenLow++;
    }
  };
  for (const target of targets) {
    try {
      if (target === '-') {
        report('-', readFileSync(0, 'utf8'));
        continue;
      }
      for (const file of files(target)) {
        const bytes = readFileSync(file);
        if (!isBinary(bytes)) report(file, bytes.toString('utf8'));
      }
    } catch (error) {
      // Only the path and the system's error code: never file content.
      const code = (error as NodeJS.ErrnoException).code ?? 'read error';
      console.error(`scan: cannot read ${target}: ${code}`);
      failed = true;
    }
  }
  if (!json) {
    if (hiddenLow > 0)
      console.log(`${hiddenLow} low-confidence (informational) finding(s) not shown; use --all.`);
    if (!alarm && !failed) console.log('No exchange credentials found.');
  }
  return failed ? 2 : alarm ? 1 : 0;
}

// A closed pipe (`scan … | head`) is not an error worth a stack trace.
process.stdout.on('error', () => process.exit(process.exitCode ?? 0));
process.exitCode = main(process.argv.slice(2));
