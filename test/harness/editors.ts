import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCES = join(ROOT, 'test/fixtures/editors');
/** Git-ignored, served by the fixture server at /editors-dist/. */
export const EDITORS_DIST = join(ROOT, 'test/fixtures/pages/editors-dist');
const STAMP = join(EDITORS_DIST, '.built');

/** The editor fixtures, each with a page `test/fixtures/pages/editor-<name>.html` that loads its bundle. */
export const EDITORS = ['react', 'codemirror', 'prosemirror', 'monaco'] as const;
export type EditorName = (typeof EDITORS)[number];

function newestInput(): number {
  const files = readdirSync(SOURCES).map((file) => join(SOURCES, file));
  // A devDependency update changes the lockfile.
  files.push(join(ROOT, 'package-lock.json'), import.meta.filename);
  return Math.max(...files.map((file) => statSync(file).mtimeMs));
}

function builtAt(): number {
  try {
    return statSync(STAMP).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Bundles the editor fixtures (React, CodeMirror 6, ProseMirror, Monaco) from their npm packages with esbuild, unless
 * the bundles are newer than every input. About 3 s the first time, nothing after.
 */
export async function bundleEditors(): Promise<void> {
  if (builtAt() > newestInput()) return;
  mkdirSync(EDITORS_DIST, { recursive: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: [
      ...EDITORS.map((name) => ({ in: join(SOURCES, `${name}.ts`), out: name })),
      { in: 'monaco-editor/editor/editor.worker.js', out: 'monaco-worker' },
    ],
    bundle: true,
    outdir: EDITORS_DIST,
    format: 'iife',
    target: 'chrome120',
    loader: { '.ttf': 'file' },
    define: { 'process.env.NODE_ENV': '"production"' },
    minify: true,
    logLevel: 'error',
  });
  writeFileSync(STAMP, new Date().toISOString());
}
