import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { build, defineConfig, type Plugin } from 'vite';
import { mergeLocales, type LocaleMessages } from './src/shared/locales.ts';

const root = import.meta.dirname;
/**
 * `KEYWARDEN_VARIANT=test-grants` builds into extension-test/ with every optional permission granted up front:
 * automated browsers cannot answer the permission prompt, so end-to-end tests of features behind optional
 * permissions (the live audit's API hosts, clipboard checks, notifications) run on this variant. Never shipped.
 */
const testGrants = process.env.KEYWARDEN_VARIANT === 'test-grants';
const outDir = resolve(root, testGrants ? 'extension-test' : 'extension');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };

/** Emits manifest.json with the package version, so there is one version number to bump. */
function manifest(): Plugin {
  return {
    name: 'keywarden:manifest',
    generateBundle() {
      const source = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      source.version = pkg.version;
      if (testGrants) {
        source.permissions = [
          ...(source.permissions as string[]),
          ...(source.optional_permissions as string[]),
        ];
        source.host_permissions = source.optional_host_permissions;
        delete source.optional_permissions;
        delete source.optional_host_permissions;
      }
      this.emitFile({
        type: 'asset',
        fileName: 'manifest.json',
        source: `${JSON.stringify(source, null, 2)}\n`,
      });
    },
  };
}

/** Every `locales.en.json` fragment under src/, relative path → messages. */
export function localeFragments(): Record<string, LocaleMessages> {
  const files = readdirSync(resolve(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('locales.en.json'),
  );
  return Object.fromEntries(
    files.map((file) => [
      file,
      JSON.parse(readFileSync(resolve(root, 'src', file), 'utf8')) as LocaleMessages,
    ]),
  );
}

/** Emits _locales/en/messages.json from the fragments next to the code that uses them. */
function locales(): Plugin {
  return {
    name: 'keywarden:locales',
    generateBundle() {
      const messages = mergeLocales(localeFragments());
      this.emitFile({
        type: 'asset',
        fileName: '_locales/en/messages.json',
        source: `${JSON.stringify(messages, null, 2)}\n`,
      });
    },
  };
}

/**
 * Builds the content script in a second pass: content scripts cannot be ES modules, so it must be ONE classic
 * script with no imports (an IIFE). See shared/notes/browser-testing.md.
 */
function contentScript(): Plugin {
  return {
    name: 'keywarden:content-script',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          minify: true,
          lib: {
            entry: resolve(root, 'src/content/index.ts'),
            formats: ['iife'],
            name: 'keywardenContent',
            fileName: () => 'content.js',
          },
        },
      });
    },
  };
}

export default defineConfig({
  root: resolve(root, 'src'),
  publicDir: resolve(root, 'public'),
  plugins: [preact(), manifest(), locales(), contentScript()],
  build: {
    outDir,
    emptyOutDir: true,
    target: ['chrome121', 'firefox142'],
    // Extension pages load from the package: no remote code, no inlined data URLs the CSP would block.
    assetsInlineLimit: 0,
    modulePreload: false,
    rollupOptions: {
      input: {
        popup: resolve(root, 'src/popup/index.html'),
        offscreen: resolve(root, 'src/offscreen/index.html'),
        background: resolve(root, 'src/background/index.ts'),
      },
      output: {
        entryFileNames: (chunk) =>
          chunk.name === 'background' ? 'background.js' : 'assets/[name]-[hash].js',
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
