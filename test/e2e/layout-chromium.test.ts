// DESIGN.md: the content script never forces layout. content-script-bundle.test.ts keeps the names it knows
// force layout out of the bundle; this reads from DevTools traces of real page loads what the browser did:
// any style or layout update nested in the content script's own events (or timers), or with its code on the
// JavaScript stack that asked for it, fails.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tracedLoad, type LoadCost } from '../../bench/cold-cost';
import { RegistrySchema } from '../../core/registry/schema';
import { badgeSaying, expectBadge } from './badge-wait';
import { openSite, readBadge, startChromiumSession, tabIdOf } from './chromium';
import { expectedVerdict } from './expected-verdict';
import { LAYOUT_SITES } from './fixture-sites';
import { E2E_REGISTRY } from './paths';

const registry = RegistrySchema.parse(JSON.parse(readFileSync(E2E_REGISTRY, 'utf8')));
let session: Awaited<ReturnType<typeof startChromiumSession>>;

beforeAll(async () => {
  session = await startChromiumSession();
}, 60_000);

afterAll(() => session?.close());

const LOADS = 3;
// A read of geometry only forces a layout when the page left it dirty. The page built for that did so when
// the content script started in 24 loads of 24, but that depends on the browser's scheduling: its loads go
// on until this many did, or MAX_LOADS.
const DIRTY_LOADS = 3;
const MAX_LOADS = 6;

describe('the content script never forces style or layout, in real Chromium', () => {
  it.each(LAYOUT_SITES.map((s) => [s.name, s] as const))(
    '%s',
    async (_, site) => {
      const url = session.sites.url(site.host);
      const loads: LoadCost[] = [];
      const dirtyLoads = () => loads.filter((l) => l.layoutDirtyAtStart).length;
      while (loads.length < LOADS || (site.keepsLayoutDirty && dirtyLoads() < DIRTY_LOADS && loads.length < MAX_LOADS)) {
        loads.push(await tracedLoad(session.browser, url, session.extensionId, { stacks: true }));
      }
      expect(loads.flatMap((l) => l.forcedLayouts)).toEqual([]);
      // Otherwise the page no longer tests what it is for.
      if (site.keepsLayoutDirty) expect(dirtyLoads(), `loads of ${loads.length} that started on dirty layout`).toBe(DIRTY_LOADS);
      // The scan ran and found the footer's licence.
      const page = await openSite(session.browser, url);
      const tabId = await tabIdOf(session.worker, url);
      const verdict = expectedVerdict(site, registry);
      expectBadge(await badgeSaying(() => readBadge(session.worker, tabId), verdict), verdict);
      await page.close();
    },
    180_000,
  );
});
