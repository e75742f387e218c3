import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  chromium,
  type BrowserContext,
  type CDPSession,
  type Frame,
  type Page,
  type Worker,
} from 'playwright-core';
import { chromiumPath } from './browsers';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../extension');
/** The build with every optional permission granted (see vite.config.ts), for features behind a permission prompt. */
export const EXTENSION_TEST_DIR = resolve(import.meta.dirname, '../../extension-test');

/** Host names every test browser resolves to 127.0.0.1: `*.test` for cross-origin frames, plus exchange domains. */
export const DEFAULT_HOST_RULES = ['MAP *.test 127.0.0.1'];

export interface LaunchOptions {
  /** Reuse a profile (to test a browser restart); a fresh temporary one otherwise. */
  readonly profileDir?: string;
  /** Extra `--host-resolver-rules` entries, e.g. `MAP www.binance.com 127.0.0.1`. */
  readonly hostRules?: readonly string[];
  readonly args?: readonly string[];
  /** Which build to load: the shipped one (default) or the one with optional permissions granted. */
  readonly variant?: 'shipped' | 'test-grants';
}

export interface ExtensionInfo {
  readonly installWarnings: readonly string[];
  readonly manifestErrors: readonly unknown[];
  readonly runtimeErrors: readonly unknown[];
}

interface ExecutionContext {
  readonly id: number;
  readonly origin: string;
  readonly auxData?: { readonly type?: string; readonly frameId?: string; readonly isDefault?: boolean };
}

interface DomNode {
  readonly nodeType: number;
  readonly nodeName?: string;
  readonly nodeValue?: string;
  readonly shadowRootType?: string;
  readonly children?: readonly DomNode[];
  readonly shadowRoots?: readonly DomNode[];
  readonly contentDocument?: DomNode;
}

function textOf(node: DomNode): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeName === 'STYLE') return '';
  const parts = [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(textOf);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function closedRoots(node: DomNode, found: DomNode[] = []): DomNode[] {
  for (const root of node.shadowRoots ?? []) {
    if (root.shadowRootType === 'closed') found.push(root);
    closedRoots(root, found);
  }
  for (const child of node.children ?? []) closedRoots(child, found);
  if (node.contentDocument) closedRoots(node.contentDocument, found);
  return found;
}

/**
 * Real Chromium with the built extension loaded, on its own profile. The reusable end-to-end harness: the extension
 * id and service worker, extension pages, stopping the worker, evaluating in a content script's isolated world, and
 * reading closed shadow roots. Recipe and pitfalls: shared/notes/browser-testing.md.
 */
export class ChromiumExtension {
  private constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
    readonly profileDir: string,
    private readonly ownsProfile: boolean,
    private readonly options: LaunchOptions,
  ) {}

  static async launch(
    options: LaunchOptions = {},
    ownsProfile = !options.profileDir,
  ): Promise<ChromiumExtension> {
    const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'keywarden-chromium-')));
    const hostRules = [...DEFAULT_HOST_RULES, ...(options.hostRules ?? [])].join(', ');
    const extensionDir = options.variant === 'test-grants' ? EXTENSION_TEST_DIR : EXTENSION_DIR;
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath(),
      headless: true,
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        `--host-resolver-rules=${hostRules}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        // Without these Chromium keeps trying to reach Google's servers, which this network refuses.
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        ...(options.args ?? []),
      ],
    });
    const worker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
    const extensionId = new URL(worker.url()).host;
    return new ChromiumExtension(context, extensionId, profileDir, ownsProfile, options);
  }

  get origin(): string {
    return `chrome-extension://${this.extensionId}`;
  }

  url(path: string): string {
    return `${this.origin}/${path.replace(/^\//, '')}`;
  }

  /** The extension's current service worker (a stopped worker is restarted by the next event it gets). */
  async worker(): Promise<Worker> {
    const existing = this.context.serviceWorkers().find((w) => w.url().startsWith(this.origin));
    return existing ?? this.context.waitForEvent('serviceworker', { timeout: 10_000 });
  }

  /** Opens the popup as an ordinary tab. */
  async openPopup(): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(this.url('popup/index.html'));
    return page;
  }

  /** Stops every service worker, as the browser does after 30 s idle. IndexedDB and storage.session survive. */
  async stopServiceWorker(): Promise<void> {
    const page = this.context.pages()[0] ?? (await this.context.newPage());
    const session = await this.context.newCDPSession(page);
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
    await session.detach();
  }

  /** What chrome://extensions reports for this extension: install warnings, manifest and runtime errors. */
  async extensionInfo(): Promise<ExtensionInfo> {
    const page = await this.context.newPage();
    try {
      await page.goto('chrome://extensions/');
      return await page.evaluate(async (id) => {
        const api = (
          globalThis as unknown as {
            chrome: { developerPrivate: { getExtensionsInfo(): Promise<unknown[]> } };
          }
        ).chrome.developerPrivate;
        const all = (await api.getExtensionsInfo()) as Array<ExtensionInfo & { id: string }>;
        const mine = all.find((e) => e.id === id);
        if (!mine) throw new Error('extension not installed');
        return {
          installWarnings: mine.installWarnings,
          manifestErrors: mine.manifestErrors,
          runtimeErrors: mine.runtimeErrors,
        };
      }, this.extensionId);
    } finally {
      await page.close();
    }
  }

  private async sessionFor(target: Page | Frame): Promise<{ session: CDPSession; frameId: string }> {
    const page = 'mainFrame' in target ? target : target.page();
    const frame = 'mainFrame' in target ? target.mainFrame() : target;
    if (frame !== page.mainFrame()) {
      try {
        // A cross-origin iframe runs in its own process and has its own CDP target.
        const session = await this.context.newCDPSession(frame);
        const tree = (await session.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
        return { session, frameId: tree.frameTree.frame.id };
      } catch {
        // Same-process frame: use the page's session and find the frame by its URL.
      }
    }
    const session = await this.context.newCDPSession(page);
    const tree = (await session.send('Page.getFrameTree')) as FrameTree;
    const frameId =
      frame === page.mainFrame() ? tree.frameTree.frame.id : findFrameId(tree.frameTree, frame.url());
    if (!frameId) throw new Error(`frame not found: ${frame.url()}`);
    return { session, frameId };
  }

  /**
   * Evaluates `expression` in this extension's content-script isolated world of `target` (a page or a frame),
   * awaiting promises. Proves the content script was injected there, and lets a test act as the content script.
   */
  async evaluateInContentScript<T>(target: Page | Frame, expression: string): Promise<T> {
    const { session, frameId } = await this.sessionFor(target);
    try {
      const contexts: ExecutionContext[] = [];
      session.on('Runtime.executionContextCreated', (event: { context: ExecutionContext }) => {
        contexts.push(event.context);
      });
      await session.send('Runtime.enable');
      const deadline = Date.now() + 5_000;
      let context: ExecutionContext | undefined;
      while (!context && Date.now() < deadline) {
        context = contexts.find(
          (c) => c.auxData?.type === 'isolated' && c.auxData.frameId === frameId && c.origin === this.origin,
        );
        if (!context) await new Promise((done) => setTimeout(done, 50));
      }
      if (!context) throw new Error('no Keywarden content script in this frame');
      const result = (await session.send('Runtime.evaluate', {
        expression,
        contextId: context.id,
        awaitPromise: true,
        returnByValue: true,
      })) as {
        result: { value: T };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      };
      if (result.exceptionDetails) {
        throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
      }
      return result.result.value;
    } finally {
      await session.detach().catch(() => {});
    }
  }

  /** The text inside every closed shadow root of a page (and its same-process frames), which page scripts cannot read. */
  async closedShadowTexts(page: Page): Promise<string[]> {
    const session = await this.context.newCDPSession(page);
    try {
      const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as {
        root: DomNode;
      };
      return closedRoots(root).map(textOf);
    } finally {
      await session.detach().catch(() => {});
    }
  }

  /** Closes and relaunches Chromium on the same profile: a browser restart (storage.session is emptied). */
  async restart(): Promise<ChromiumExtension> {
    await this.context.close();
    return ChromiumExtension.launch({ ...this.options, profileDir: this.profileDir }, this.ownsProfile);
  }

  async close(): Promise<void> {
    await this.context.close();
    if (this.ownsProfile) await rm(this.profileDir, { recursive: true, force: true });
  }
}

interface FrameTree {
  frameTree: FrameTreeNode;
}
interface FrameTreeNode {
  frame: { id: string; url: string };
  childFrames?: FrameTreeNode[];
}

function findFrameId(node: FrameTreeNode, url: string): string | undefined {
  if (node.frame.url === url) return node.frame.id;
  for (const child of node.childFrames ?? []) {
    const found = findFrameId(child, url);
    if (found) return found;
  }
  return undefined;
}
