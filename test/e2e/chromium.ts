import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { badgeOfTab, tabIdShowing } from './in-extension';
import { CHROME_BUILD, SCREENSHOTS } from './paths';
import { startSiteServer } from './site-server';

export interface Badge {
  text: string;
  color: string;
  title: string;
}

/** Chromium with nothing of its own going on in the background: no sandbox (root), no GPU, no network chatter. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Headless Debian Chromium with a build loaded (the e2e one unless told), every host name resolving to
 * 127.0.0.1. `protocolTimeout` is for callers whose DevTools calls can take long (tracing a huge page).
 */
export async function launchChromium(build = CHROME_BUILD, protocolTimeout?: number): Promise<Browser> {
  return puppeteer.launch({
    protocolTimeout,
    executablePath: '/usr/bin/chromium',
    headless: true,
    userDataDir: mkdtempSync(join(tmpdir(), 'licence-e2e-chromium-')),
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...CHROMIUM_FLAGS,
      '--lang=en-US',
      `--disable-extensions-except=${build}`,
      `--load-extension=${build}`,
      '--host-resolver-rules=MAP * 127.0.0.1',
    ],
  });
}

/**
 * Runs code in the extension's service worker. Attaches through the DevTools protocol each time the
 * worker is new, since a worker that Chrome stopped and started again is not seen by Puppeteer's own
 * target list; waits until the worker's extension APIs are up.
 */
export class ExtensionWorker {
  private attached: { targetId: string; session: CDPSession } | undefined;

  constructor(private readonly browser: Browser) {}

  private browserSession: CDPSession | undefined;

  private async session(): Promise<CDPSession> {
    // Sessions attached through this one live as long as it does, so it is kept.
    this.browserSession ??= await this.browser.target().createCDPSession();
    const deadline = Date.now() + 15_000;
    for (;;) {
      const { targetInfos } = await this.browserSession.send('Target.getTargets');
      const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.endsWith('/background.js'));
      if (target && this.attached?.targetId === target.targetId) return this.attached.session;
      if (target) {
        const { sessionId } = await this.browserSession.send('Target.attachToTarget', { targetId: target.targetId, flatten: true });
        const session = this.browserSession.connection()?.session(sessionId);
        if (!session) throw new Error('no session for the service worker');
        // A worker that has just started can be held before its script runs, waiting for a debugger.
        await session.send('Runtime.runIfWaitingForDebugger');
        this.attached = { targetId: target.targetId, session };
        return session;
      }
      if (Date.now() > deadline) throw new Error('the extension service worker is not running');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** The worker's JavaScript heap in bytes, after a garbage collection unless told not to collect. */
  async heapUsed(collect = true): Promise<number> {
    const session = await this.session();
    if (collect) await session.send('HeapProfiler.collectGarbage');
    return (await session.send('Runtime.getHeapUsage')).usedSize;
  }

  async evaluate<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R> {
    const session = await this.session();
    // Polled from here rather than with timers inside a worker that may not be running yet.
    for (let tries = 0; ; tries++) {
      const ready = await session.send('Runtime.evaluate', {
        expression: 'typeof chrome === "object" && !!chrome.action',
        returnByValue: true,
      });
      if (ready.result.value === true) break;
      if (tries > 100) throw new Error('the service worker never got its extension APIs');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const expression = `(${fn.toString()})(...${JSON.stringify(args)})`;
    const { result, exceptionDetails } = await session.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(`in the service worker: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as R;
  }
}

/** Stops every service worker, as Chrome does to an idle one, and waits until it has stopped. */
export async function stopServiceWorkers(page: Page): Promise<void> {
  const session = await page.createCDPSession();
  await session.send('ServiceWorker.enable');
  const stopped = new Promise<void>((resolve) => {
    session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.length > 0 && versions.every((v) => v.runningStatus === 'stopped')) resolve();
    });
  });
  await session.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await session.detach();
}

export async function tabIdOf(worker: ExtensionWorker, url: string): Promise<number> {
  return worker.evaluate(tabIdShowing, url);
}

export async function readBadge(worker: ExtensionWorker, tabId: number): Promise<Badge> {
  return worker.evaluate(badgeOfTab, tabId);
}

export async function openSite(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** Fixture sites on 127.0.0.1 and Chromium with the e2e build, as each browser test file starts them. */
export async function startChromiumSession() {
  const sites = await startSiteServer();
  const browser = await launchChromium();
  // The first-run guide opens in its own tab on install; once it is open it can no longer take the front
  // from a page a test opened, which would hide that page and throttle its timers and frames.
  await browser.waitForTarget((t) => t.url().endsWith('/guide.html'), { timeout: 15_000 });
  const worker = new ExtensionWorker(browser);
  const extensionId = await worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { id: string } } }).chrome.runtime.id);
  return {
    sites,
    browser,
    worker,
    extensionId,
    close: async () => {
      await browser.close();
      await sites.close();
    },
  };
}

/**
 * Saves a screenshot of `page` in the screenshots folder. A tab in the background renders no frames, and
 * capturing it can wait for one forever, so the page is brought to the front first.
 */
export async function saveScreenshot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.bringToFront();
  await page.screenshot({ path: join(SCREENSHOTS, name), fullPage });
}
