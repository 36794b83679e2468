// The content script's cold cost per page load, as a browser pays it (DESIGN.md, "Budgets"): each page is
// loaded fresh in a new tab (a new renderer, so nothing compiled is reused) under a DevTools trace, and the
// extension's outermost EvaluateScript, FunctionCall, TimerFire, v8.compile and v8.run events on that tab's
// main thread are added up until 2 s after `load`. The same is done, in the same run, for a plain one-file
// checker (document.body.innerText + a regex, again on every mutation), each extension in its own Chromium.
// The style and layout work each one forced is read from the same traces.
// Part of `npm run bench`; alone: `npx tsx bench/cold-cost.ts [--runs N]` (merges into bench-results.json);
// `--page TEXT` runs only the pages whose name contains TEXT, and writes nothing.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { launchChromium } from '../test/e2e/chromium';
import { DIRTY_LAYOUT_SCRIPT, englishPage, shopPage } from './pages';
import { median, round } from './stats';

const ROOT = new URL('..', import.meta.url).pathname;
const CATEGORIES = ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'];
// Counted when their script is the extension's. Chromium 156 names a classic script's compilation
// `v8.compile` (content scripts are compiled as inline scripts, never streamed nor from a code cache) and
// has no module or ScriptCompiler compile events in these categories; lazy compilation of functions is
// inside `v8.run`. TimerFire carries no URL: it counts when the extension's code installed the timer.
const COUNTED = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.run']);
// The style and layout work a script forces by reading geometry while they are dirty. Chromium 156 names
// them `UpdateLayoutTree` and `Layout`; its traces had no `RecalculateStyles` nor `UpdateLayerTree` (names
// other versions used, kept so that a rename back does not silently pass), and their paint-side events
// (`PrePaint`, `Paint`, `Layerize`, `UpdateLayer`) came only in the frames' own updates.
const LAYOUT_WORK = new Set(['UpdateLayoutTree', 'Layout', 'RecalculateStyles', 'UpdateLayerTree']);
// With it, a forced `Layout` or `UpdateLayoutTree` carries the JavaScript stack that asked for it.
const STACK_CATEGORY = 'disabled-by-default-devtools.timeline.stack';
// What makes style or layout out of date (a page's script changing a style or the DOM), for telling whether
// a load tested anything.
const INVALIDATIONS = new Set(['ScheduleStyleRecalculation', 'InvalidateLayout']);
const INSTANTS = new Set(['TimerInstall', ...INVALIDATIONS]);
const AFTER_LOAD_MS = 2_000;
const FORCED = new Set(['UpdateLayoutTree', 'Layout']);

/** The naive checker: the page's rendered text and a regex, sent on, and again on every change. */
export const CHECKER_SCRIPT = `// A plain licence checker: the rendered text of the page and a regular expression.
const LICENCE = /[京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川贵云藏陕甘青宁新]?B[12]-\\d{8}/g;
function check() {
  const found = document.body.innerText.match(LICENCE);
  if (found) chrome.runtime.sendMessage({ type: 'licences', found }).catch(() => {});
}
check();
new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true });
`;

/** An unpacked extension whose only part is `code`, a content script on every page and frame at document_idle. */
export function contentScriptExtension(name: string, code: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'licence-bench-script-'));
  const manifest = {
    manifest_version: 3,
    name,
    version: '1.0',
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['script.js'], all_frames: true, run_at: 'document_idle' }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'script.js'), code);
  return dir;
}

/** The id Chromium gives an unpacked extension: the SHA-256 of its absolute path, in the letters a–p. */
export function unpackedId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}

interface Page {
  name: string;
  nodes: number;
  path: string;
  host: string;
  html: Buffer;
}

export function pages(): Page[] {
  // Licence pages on a domain listed under that licence: the verdict is no mismatch, so the extension
  // injects no warning and what is measured is the content script alone.
  const list: Omit<Page, 'path' | 'html'>[] = [];
  for (const nodes of [1_000, 10_000, 100_000, 1_000_000]) {
    list.push({ name: 'licence in footer', nodes, host: 'www.dongchedi.com' });
    list.push({ name: 'ICP filing only', nodes, host: 'shop.example.cn' });
  }
  for (const nodes of [1_000, 100_000]) list.push({ name: 'English, no Chinese', nodes, host: 'shop.example.com' });
  // Where reading the rendered text costs a layout: the checker pays it, a scan that never forces one does not.
  list.push({ name: 'layout kept dirty by the page', nodes: 10_000, host: 'www.dongchedi.com' });
  return list.map((p, i) => {
    const html =
      p.name === 'licence in footer'
        ? shopPage(p.nodes)
        : p.name === 'ICP filing only'
          ? shopPage(p.nodes, 'icp-only')
          : p.name === 'layout kept dirty by the page'
            ? shopPage(p.nodes, 'licence', DIRTY_LAYOUT_SCRIPT)
            : englishPage(p.nodes);
    return { ...p, path: `/page${i}`, html: Buffer.from(html) };
  });
}

export async function serve(list: Page[]) {
  const byPath = new Map(list.map((p) => [p.path, p.html]));
  const server = createServer((req, res) => {
    const html = byPath.get((req.url ?? '').replace(/\?.*/, ''));
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

// Tracing a 1,000,000-node page load can keep a DevTools call waiting for minutes.
const launch = (extension: string) => launchChromium(extension, 600_000);

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    fileName?: string;
    data?: { url?: string; isOutermostMainFrame?: boolean; timerId?: number; stackTrace?: StackFrame[] };
    beginData?: { stackTrace?: StackFrame[]; dirtyObjects?: number };
    elementCount?: number;
  };
}

interface StackFrame {
  url?: string;
  functionName?: string;
  lineNumber?: number;
  columnNumber?: number;
}

/** Style or layout work the extension caused: inside one of its script events, or asked for by its code. */
export interface ForcedLayout {
  name: string;
  ms: number;
  /** The extension's event it ran inside, or `stack` when only the JavaScript stack names the extension. */
  inside: string;
  /** Layout objects (Layout) or elements (UpdateLayoutTree) it had to bring up to date. */
  dirty?: number;
  /** The innermost of the extension's functions on the stack that asked for it, when stacks were traced. */
  by?: string;
}

export interface Breakdown {
  totalMs: number;
  /** v8.compile of the extension's scripts. */
  compileMs: number;
  /** The content script's injection (EvaluateScript) less its compilation: its first run. */
  firstRunMs: number;
  /** Everything after the first run: mutation-observer callbacks, timers, message replies. */
  laterMs: number;
  /**
   * Style and layout the extension's code forced (innerText on a page not yet laid out), within the total:
   * work the page would have done moments later anyway, so whether it lands in the extension's time is
   * down to whether the script ran before the page's first layout.
   */
  forcedLayoutMs: number;
}

/** Wall time (`dur`, how long the page's main thread was held) and that thread's CPU time (`tdur`). */
export interface LoadCost {
  wall: Breakdown;
  cpu: Breakdown;
  laterEvents: number;
  /** The longest the extension held the page's main thread at once: what a person feels as a freeze. */
  longestMs: number;
  forcedLayouts: ForcedLayout[];
  /**
   * Whether the page had left style or layout out of date when the content script started: only then would
   * a script that reads geometry pay for a layout, so only such a load can show that ours does not.
   */
  layoutDirtyAtStart: boolean;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The events no other of them contains (a trace nests the events of one thread). */
function outermost(events: TraceEvent[]): TraceEvent[] {
  const sorted = [...events].sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const out: TraceEvent[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (!last || e.ts >= last.ts + last.dur!) out.push(e);
  }
  return out;
}

const within = (inner: TraceEvent, outer: TraceEvent) => inner.ts >= outer.ts && inner.ts < outer.ts + outer.dur!;

/** The extension's main-thread time in the tab that showed `url`, from its trace. */
export function costOf(events: TraceEvent[], url: string, extensionId: string): LoadCost {
  const commit = events.find((e) => e.name === 'CommitLoad' && e.args?.data?.url === url && e.args.data.isOutermostMainFrame);
  if (!commit) throw new Error(`no CommitLoad for ${url} in the trace`);
  const load = events.find((e) => e.name === 'MarkLoad' && e.pid === commit.pid && e.args?.data?.isOutermostMainFrame);
  if (!load) throw new Error(`no load event for ${url} in the trace`);
  const until = load.ts + AFTER_LOAD_MS * 1000;
  const thread = events.filter(
    (e) => e.pid === commit.pid && e.tid === commit.tid && e.ts <= until && (INSTANTS.has(e.name) || (e.ph === 'X' && e.dur !== undefined)),
  );
  const prefix = `chrome-extension://${extensionId}/`;
  const own = thread.filter((e) => COUNTED.has(e.name) && (e.args?.data?.url ?? e.args?.fileName ?? '').startsWith(prefix));
  // A timer is the extension's if the extension's code set it (a page's timer can hold the extension's
  // mutation-observer callback, which then counts alone).
  const timerIds = new Set(
    thread.filter((t) => t.name === 'TimerInstall' && own.some((e) => within(t, e))).map((t) => t.args?.data?.timerId),
  );
  const timers = thread.filter((t) => t.name === 'TimerFire' && timerIds.has(t.args?.data?.timerId));
  const counted = outermost([...own, ...timers]);
  const evaluations = counted.filter((e) => e.name === 'EvaluateScript');
  if (evaluations.length === 0) throw new Error(`the content script did not run on ${url}`);
  const compiles = own.filter((e) => e.name === 'v8.compile');
  const later = counted.filter((e) => e.name !== 'EvaluateScript');
  const layouts = outermost(thread.filter((e) => FORCED.has(e.name) && counted.some((c) => within(e, c))));
  const breakdown = (time: (e: TraceEvent) => number): Breakdown => {
    const ms = (list: TraceEvent[]) => sum(list.map(time)) / 1000;
    return {
      totalMs: ms(counted),
      compileMs: ms(compiles),
      firstRunMs: ms(evaluations) - ms(compiles.filter((c) => evaluations.some((e) => within(c, e)))),
      laterMs: ms(later),
      forcedLayoutMs: ms(layouts),
    };
  };
  return {
    wall: breakdown((e) => e.dur!),
    cpu: breakdown((e) => e.tdur ?? e.dur!),
    laterEvents: later.length,
    longestMs: Math.max(...counted.map((e) => e.dur!)) / 1000,
    forcedLayouts: forcedLayouts(thread, [...own, ...timers], prefix),
    layoutDirtyAtStart: dirtyAt(thread, evaluations[0].ts),
  };
}

/** Whether something invalidated style or layout after the last update of them that ended before `ts`. */
function dirtyAt(thread: TraceEvent[], ts: number): boolean {
  const before = thread.filter((e) => e.ts < ts);
  const updated = Math.max(0, ...before.filter((e) => LAYOUT_WORK.has(e.name)).map((e) => e.ts + e.dur!));
  return before.some((e) => INVALIDATIONS.has(e.name) && e.ts >= updated);
}

/**
 * A script only makes the renderer update style or layout outside a frame by asking for something that
 * needs it, so such work nested in the extension's own script events (or timers) is the extension's doing.
 * The stack, when traced, also catches what runs outside those events (a promise continuation).
 */
function forcedLayouts(thread: TraceEvent[], ownEvents: TraceEvent[], prefix: string): ForcedLayout[] {
  return thread.flatMap((e) => {
    if (!LAYOUT_WORK.has(e.name)) return [];
    const stack = e.args?.beginData?.stackTrace ?? e.args?.data?.stackTrace ?? [];
    const caller = stack.find((f) => f.url?.startsWith(prefix));
    const container = ownEvents.find((o) => within(e, o));
    if (!container && !caller) return [];
    const dirty = e.args?.beginData?.dirtyObjects ?? e.args?.elementCount;
    return [
      {
        name: e.name,
        ms: e.dur! / 1000,
        inside: container?.name ?? 'stack',
        ...(dirty === undefined ? {} : { dirty }),
        ...(caller
          ? {
              by: `${caller.functionName || '(top level)'} ${caller.url!.slice(prefix.length)}:${caller.lineNumber}:${caller.columnNumber}`,
            }
          : {}),
      },
    ];
  });
}

/**
 * Loads `url` in a new tab under a trace that stops 2 s after `load`; the extension's cost in that load.
 * `stacks` also records the JavaScript stack of forced style and layout work, which costs time of its own:
 * for checking who forced it, not for timing.
 */
export async function tracedLoad(browser: Browser, url: string, extensionId: string, { stacks = false } = {}): Promise<LoadCost> {
  const page = await browser.newPage();
  try {
    await page.tracing.start({ categories: stacks ? [...CATEGORIES, STACK_CATEGORY] : CATEGORIES });
    await page.goto(url, { waitUntil: 'load', timeout: 600_000 });
    await new Promise((resolve) => setTimeout(resolve, AFTER_LOAD_MS));
    const trace = await page.tracing.stop();
    return costOf(JSON.parse(Buffer.from(trace!).toString('utf8')).traceEvents, url, extensionId);
  } finally {
    await page.close();
  }
}

/** How many of the loads forced style or layout, and the median time that took per load (wall, ms). */
function forced(costs: LoadCost[]) {
  const ms = costs.map((c) => sum(c.forcedLayouts.map((f) => f.ms)));
  return { loads: ms.filter((x) => x > 0).length, medianMs: round(median(ms)) };
}

function medians(costs: LoadCost[], clock: 'wall' | 'cpu') {
  const of = (key: keyof Breakdown) => round(median(costs.map((c) => c[clock][key])));
  const laidOut = costs.filter((c) => c[clock].forcedLayoutMs === 0).map((c) => c[clock].totalMs);
  return {
    totalMs: of('totalMs'),
    compileMs: of('compileMs'),
    firstRunMs: of('firstRunMs'),
    laterMs: of('laterMs'),
    forcedLayoutMs: of('forcedLayoutMs'),
    // The loads that forced no layout, and their median: the cost when the page had been laid out first.
    laidOutLoads: laidOut.length,
    laidOutTotalMs: laidOut.length > 0 ? round(median(laidOut)) : null,
  };
}

/** Runs per page: `runs`, but fewer on the 1,000,000-node pages, which take seconds to load. */
export async function coldCost(build: string, runs = 9, runsAtMillion = 5, only = '') {
  const list = pages().filter((p) => p.name.includes(only));
  const server = await serve(list);
  const checker = contentScriptExtension('innerText checker', CHECKER_SCRIPT);
  const subjects = [
    { name: 'checker', extension: checker, id: unpackedId(checker) },
    { name: 'ours', extension: build, id: unpackedId(build) },
  ];
  const browsers: Browser[] = [];
  try {
    for (const s of subjects) browsers.push(await launch(s.extension));
    // Our first-run guide opens in a tab of its own on install; it is let open first so that it does not
    // take the front from a measured tab, and the install is let settle.
    await browsers[1].waitForTarget((t) => t.url().endsWith('/guide.html'), { timeout: 15_000 });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    // One load each, not counted: the browser reads the extension's files for the first time.
    for (const [i, s] of subjects.entries())
      await tracedLoad(browsers[i], `http://${list[0].host}:${server.port}${list[0].path}?warmup`, s.id);

    const rows = [];
    for (const page of list) {
      const n = page.nodes >= 1_000_000 ? runsAtMillion : runs;
      const costs: LoadCost[][] = subjects.map(() => []);
      // Alternating, so that a slow spell of the shared machine falls on both.
      for (let run = 0; run < n; run++) {
        for (const [i, s] of subjects.entries()) {
          costs[i].push(await tracedLoad(browsers[i], `http://${page.host}:${server.port}${page.path}?run=${run}`, s.id));
        }
      }
      const [c, o] = costs.map((list) => medians(list, 'wall'));
      const [cCpu, oCpu] = costs.map((list) => medians(list, 'cpu'));
      const [cForced, oForced] = costs.map(forced);
      const dirtyAtStart = costs.map((list) => list.filter((x) => x.layoutDirtyAtStart).length);
      rows.push({
        page: page.name,
        nodes: page.nodes,
        loads: n,
        checkerMs: c.totalMs,
        oursMs: o.totalMs,
        ratio: round(c.totalMs / o.totalMs, 1),
        checkerCpuMs: cCpu.totalMs,
        oursCpuMs: oCpu.totalMs,
        ratioCpu: round(cCpu.totalMs / oCpu.totalMs, 1),
        // The checker's innerText forces the page's first layout when it runs before it (in some loads
        // and not others): its CPU median over the loads where it did not, the stricter comparison.
        checkerLaidOutCpuMs: cCpu.laidOutTotalMs,
        checkerLaidOutLoads: cCpu.laidOutLoads,
        oursCompileMs: o.compileMs,
        oursFirstRunMs: o.firstRunMs,
        oursLaterMs: o.laterMs,
        oursLaterEvents: median(costs[1].map((x) => x.laterEvents)),
        // Per subject: loads that started its script on dirty layout, loads where it forced style or layout
        // (of `loads`), and the median time that took per load, included in the totals above.
        dirtyAtStart: `${dirtyAtStart[0]} · ${dirtyAtStart[1]}`,
        forcedLayouts: `${cForced.loads} · ${oForced.loads}`,
        checkerForcedMs: cForced.medianMs,
        oursForcedMs: oForced.medianMs,
        checkerCompileMs: c.compileMs,
        checkerFirstRunMs: c.firstRunMs,
        checkerLaterMs: c.laterMs,
        cpu: { checker: cCpu, ours: oCpu },
        perLoadMs: { checker: costs[0].map((x) => round(x.wall.totalMs)), ours: costs[1].map((x) => round(x.wall.totalMs)) },
      });
      process.stderr.write(`cold: ${page.name} ${page.nodes}: checker ${c.totalMs} ms, ours ${o.totalMs} ms\n`);
    }
    return rows;
  } finally {
    for (const b of browsers) await b.close();
    await server.close();
  }
}

export function printColdCost(rows: Awaited<ReturnType<typeof coldCost>>) {
  console.log(
    '\nCold cost per page load, from traces: innerText checker vs ours (medians: main-thread ms held, and its CPU ms; ratio checker/ours; ours split into compile, first run, later; loads that started on dirty layout and loads that forced style or layout, checker · ours, and the median ms that took)',
  );
  console.table(rows.map(({ checkerCompileMs, checkerFirstRunMs, checkerLaterMs, oursLaterEvents, cpu, perLoadMs, ...row }) => row));
}

async function main() {
  const option = (name: string) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const runs = Number(option('--runs') ?? 9);
  const only = option('--page') ?? '';
  const dir = mkdtempSync(join(tmpdir(), 'licence-bench-build-'));
  execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'], {
    cwd: ROOT,
    env: { ...process.env, WXT_OUT_DIR: dir },
    stdio: 'ignore',
  });
  const rows = await coldCost(join(dir, 'chrome-mv3'), runs, Math.min(runs, 5), only);
  printColdCost(rows);
  if (only) return;
  const file = join(ROOT, 'bench-results.json');
  const results = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  writeFileSync(file, `${JSON.stringify({ ...results, cold: rows, coldMeasuredAt: new Date().toISOString() }, null, 2)}\n`);
  console.log('\nwrote bench-results.json (cold)');
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) void main();
