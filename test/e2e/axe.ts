// axe-core run inside a real page of the built extension (or a page it warns on), its findings as lines a
// person can read in a failed test.
import type { CDPSession, Page } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 A and AA, and axe's best practices (landmarks, one top-level heading, …). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

interface AxeResults {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string; failureSummary?: string }[] }[];
}

/** axe into the page's main world; DevTools' evaluate is not held to the extension pages' script policy. */
async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  await page.evaluate(AXE_SOURCE);
}

/** One line per element that breaks a rule: rule, impact, what it asks, where, and why it failed. */
export function describeViolations(results: AxeResults): string[] {
  return results.violations.flatMap((v) =>
    v.nodes.map(
      (n) => `${v.id} (${v.impact}): ${v.help} — at ${JSON.stringify(n.target)} ${n.html} — ${n.failureSummary?.replace(/\s+/g, ' ')}`,
    ),
  );
}

/**
 * axe's violations on the whole page, or inside `within` (a selector; its open or exposed shadow root
 * included), as readable lines: an empty list is a pass.
 */
export async function axeViolations(page: Page, within?: string): Promise<string[]> {
  await injectAxe(page);
  const results = await page.evaluate(
    (tags: string[], selector?: string) => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: object): Promise<AxeResults> } }).axe;
      const context = selector ? { include: [document.querySelector(selector)] } : document;
      return axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    },
    AXE_TAGS,
    within,
  );
  return describeViolations(results as AxeResults);
}

/**
 * How many elements inside `within` axe checked for `rule`, passed or not: proof that it reached them (a
 * closed shadow root it cannot see would be "no violations" too).
 */
export async function axeChecked(page: Page, rule: string, within: string): Promise<number> {
  await injectAxe(page);
  return page.evaluate(
    async (id: string, selector: string) => {
      const axe = (
        window as unknown as {
          axe: { run(context: unknown, options: object): Promise<{ passes: { nodes: unknown[] }[]; violations: { nodes: unknown[] }[] }> };
        }
      ).axe;
      const r = await axe.run({ include: [document.querySelector(selector)] }, { runOnly: { type: 'rule', values: [id] } });
      return [...r.passes, ...r.violations].reduce((n, result) => n + result.nodes.length, 0);
    },
    rule,
    within,
  );
}

/**
 * The in-page warning lives in a closed shadow root, which no script of the page (axe included) can reach,
 * though a screen reader and the keyboard reach it like any other part of the page. DevTools can: it finds
 * the root and gives the host a `shadowRoot` property that returns it, in the page's main world, so axe
 * (which descends through `shadowRoot`) checks the warning in place, with the styles, colours and position a
 * person meets. Nothing is undone: the page is closed after the test.
 */
export async function exposeClosedShadowRoot(page: Page, hostSelector: string): Promise<void> {
  const session: CDPSession = await page.createCDPSession();
  try {
    const { root } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
    type Node = { nodeId: number; backendNodeId: number; localName: string; children?: Node[]; shadowRoots?: Node[] };
    const find = (node: Node): Node | undefined => {
      if (node.localName === hostSelector && node.shadowRoots?.length) return node;
      for (const child of node.children ?? []) {
        const found = find(child);
        if (found) return found;
      }
      return undefined;
    };
    const host = find(root as Node);
    if (!host?.shadowRoots) throw new Error(`no <${hostSelector}> with a shadow root in the page`);
    const hostObject = await session.send('DOM.resolveNode', { backendNodeId: host.backendNodeId });
    const rootObject = await session.send('DOM.resolveNode', { backendNodeId: host.shadowRoots[0].backendNodeId });
    await session.send('Runtime.callFunctionOn', {
      objectId: hostObject.object.objectId,
      functionDeclaration: 'function (root) { Object.defineProperty(this, "shadowRoot", { get: () => root, configurable: true }); }',
      arguments: [{ objectId: rootObject.object.objectId }],
    });
  } finally {
    await session.detach();
  }
}
