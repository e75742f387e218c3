import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ChromiumExtension } from '../harness/chromium';
import { ask, call } from '../harness/messages';
import { pasteInto } from '../harness/paste';
import { startFixtureServer, type FixtureServer } from '../harness/server';

const PASSPHRASE = 'correct horse battery staple orbit';
// Synthetic values of real shapes; never real keys.
const BYBIT = { apiKey: 'Xk3Lm9Qp2Rt7Vw4Yz1', secret: 'Hd3Wf5Jg0Ty2Ua7Ie4Ob9Pl3Mk8Nj1Hb6Gv5' };
const OKX = {
  apiKey: '5f8e2d1c-3b4a-4c6d-9e8f-7a6b5c4d3e2f',
  secret: 'A1B2C3D4E5F60718293A4B5C6D7E8F90',
  passphrase: 'Tr4der!Pass-phrase',
};

describe('compromise response in Chromium', () => {
  let browser: ChromiumExtension;
  let server: FixtureServer;
  let popup: Page;
  let bybitId: string;
  let okxId: string;
  let incidentId: string;

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await ChromiumExtension.launch();
    popup = await browser.openPopup();
    await ask(popup, 'vault.create', { passphrase: PASSPHRASE });
    bybitId = (
      await ask(popup, 'vault.add', {
        input: {
          exchange: 'bybit',
          label: 'grid bot',
          secrets: BYBIT,
          usedBy: [{ kind: 'bot', name: 'Grid bot', domain: 'gridbot.test' }],
        },
      })
    ).id;
    okxId = (await ask(popup, 'vault.add', { input: { exchange: 'okx', label: 'tax tool', secrets: OKX } }))
      .id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens an incident from the paste warning', async () => {
    const worker = await browser.worker();
    await expect
      .poll(() =>
        worker.evaluate(async () => (await chrome.storage.local.get('guardIndex')).guardIndex !== undefined),
      )
      .toBe(true);
    const page = await browser.context.newPage();
    await page.goto(server.url('/fields.html', 'chat.test'));
    await page.locator('#textarea').focus();
    await pasteInto(browser.context, page, '#textarea', `here you go: ${BYBIT.secret}`, server.url(''));
    await expect.poll(async () => (await browser.closedShadowTexts(page)).join(' ')).toContain('grid bot');
    // Cancel, Paste anyway, Always allow, then "This key may be compromised".
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    const opened = browser.context.waitForEvent('page');
    await page.keyboard.press('Enter');
    const checklist = await opened;
    await checklist.waitForLoadState();
    expect(checklist.url()).toContain('#/incident/');
    const incidents = await ask(popup, 'incident.list', {});
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.incident).toMatchObject({ credentialId: bybitId, source: 'paste-warning' });
    expect(checklist.url()).toContain(incidents[0]!.incident.id);
    const { credentials } = await ask(popup, 'vault.list', {});
    expect(credentials.find((c) => c.id === bybitId)?.status).toBe('compromised');
    await checklist.close();
    await page.close();
  });

  it('opens an incident from the popup, ticks steps, and keeps them across a browser restart', async () => {
    const view = await ask(popup, 'incident.open', { credentialId: okxId, source: 'popup' });
    incidentId = view.incident.id;
    const revoke = view.incident.steps.find((s) => s.kind === 'revoke')!;
    expect(revoke.urgent).toBe(true);
    expect(revoke.links[0]?.url).toMatch(/^https:\/\/(www\.)?okx\.com\//);
    const review = view.incident.steps.find((s) => s.kind === 'review-activity')!;
    await ask(popup, 'incident.setStep', { id: incidentId, stepId: review.id, done: true });
    const ticked = await ask(popup, 'incident.setStep', { id: incidentId, stepId: revoke.id, done: true });
    expect(ticked.progress.canFinish).toBe(true);

    await popup.close();
    browser = await browser.restart();
    popup = await browser.openPopup();
    const again = await ask(popup, 'incident.get', { id: incidentId });
    expect(again.incident.steps.find((s) => s.id === revoke.id)?.doneAt).toBeTypeOf('number');
    expect(again.incident.steps.find((s) => s.id === review.id)?.doneAt).toBeTypeOf('number');
    expect(again.progress.urgentDone).toBe(1);
  });

  it('finishing needs the vault unlocked, destroys the secret, and keeps metadata and the report', async () => {
    expect(await call(popup, 'incident.finish', { id: incidentId })).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    expect((await ask(popup, 'incident.get', { id: incidentId })).incident.finishedAt).toBeNull();
    await ask(popup, 'vault.unlock', { passphrase: PASSPHRASE });
    const finished = await ask(popup, 'incident.finish', { id: incidentId });
    expect(finished.incident.finishedAt).toBeTypeOf('number');

    const { credentials } = await ask(popup, 'vault.list', {});
    const okx = credentials.find((c) => c.id === okxId)!;
    expect(okx).toMatchObject({ status: 'revoked', label: 'tax tool', storedFields: [] });
    for (const field of ['apiKey', 'secret', 'passphrase'] as const) {
      expect(await call(popup, 'vault.reveal', { id: okxId, field })).toMatchObject({ ok: false });
    }
    const worker = await browser.worker();
    const secretsLeft = await worker.evaluate(async (id) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('keywarden');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error('open failed'));
      });
      const stores = Array.from(db.objectStoreNames).filter((n) => n !== 'credentials' && n !== 'meta');
      let count = 0;
      for (const store of stores) {
        const all = await new Promise<unknown[]>((resolve) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
        });
        count += all.filter((record) => JSON.stringify(record).includes(id)).length;
      }
      db.close();
      return count;
    }, okxId);
    expect(secretsLeft).toBe(0);

    const report = await ask(popup, 'incident.report', { id: incidentId, format: 'markdown' });
    expect(report.text).toContain('tax tool');
    for (const secret of Object.values(OKX)) expect(report.text).not.toContain(secret);
    const json = await ask(popup, 'incident.report', { id: incidentId, format: 'json' });
    expect(JSON.parse(json.text)).toBeTruthy();
  });

  it('"Revoke everything" puts keys in one checklist', async () => {
    const view = await ask(popup, 'incident.revokeAll', { scope: 'all' });
    expect(view.checklist.steps[0]?.kind).toBe('revoke');
    const again = await ask(popup, 'incident.revokeAllGet', { sessionId: view.session.id });
    expect(again.checklist.steps.length).toBe(view.checklist.steps.length);
  });
});
