import { ANCHOR, BEFORE, scanNumbers, type NumberKind, type NumberMatch } from '../grammar/scan-numbers';
import { roleOf, type FindingRole, type RoleContext } from './finding-role';
import { locateOffsets, openShadowRoots, TAIL_CHARS, tailText, unread } from './page-text';

export type { FindingRole };

/** A number found on a page, as reported to the background. */
export interface PageFinding {
  kind: NumberKind;
  canonical: string;
  suffix?: string;
  /** The text around the number, as a person would quote it. */
  context: string;
  role: FindingRole;
}

export interface ScanLimits {
  /** Text beyond this many characters is skipped in the middle: footers sit at the end, headers at the start. */
  maxChars: number;
  /** Text nodes visited while finding where a number is. */
  maxTextNodes: number;
  maxFindings: number;
}

export const DEFAULT_SCAN_LIMITS: ScanLimits = { maxChars: 2_000_000, maxTextNodes: 200_000, maxFindings: 20 };
// Elements visited, from the page's end, while looking for open shadow roots.
const SHADOW_SEARCH = 2_000;

const CONTEXT_CHARS = 30;

/** The identity of a number on a page, the same wherever it is computed. */
export const findingKey = (m: Pick<NumberMatch, 'kind' | 'canonical' | 'suffix'>) => `${m.kind} ${m.canonical} ${m.suffix ?? ''}`;

/** Each number once, the first quote kept; a claim anywhere makes it the site's own. */
export function mergeFindings<F extends Pick<PageFinding, 'kind' | 'canonical' | 'suffix' | 'role'>>(findings: Iterable<F>): F[] {
  const unique = new Map<string, F>();
  for (const f of findings) {
    const key = findingKey(f);
    const seen = unique.get(key);
    if (!seen || (seen.role === 'mention' && f.role === 'claim')) unique.set(key, f);
  }
  return [...unique.values()];
}

export const isClaimedLicence = (f: Pick<PageFinding, 'kind' | 'role'>) => f.kind === 'licence' && f.role === 'claim';

function contextOf(text: string, m: NumberMatch): string {
  return text
    .slice(Math.max(0, m.start - CONTEXT_CHARS), m.end + CONTEXT_CHARS)
    .replace(/\s+/g, ' ')
    .trim();
}

function finding(text: string, m: NumberMatch, role: FindingRole): PageFinding {
  return { kind: m.kind, canonical: m.canonical, suffix: m.suffix, context: contextOf(text, m), role };
}

/** Keeps the middle out of a text too long to read whole; `cut` is where the kept end starts. */
function boundedText(text: string, maxChars: number): { text: string; cut: number } {
  if (text.length <= maxChars) return { text, cut: text.length };
  const head = maxChars >> 2;
  return { text: `${text.slice(0, head)}\n${text.slice(text.length - (maxChars - head))}`, cut: head + 1 };
}

/**
 * Numbers in the text of one tree (a document body or a shadow root), each with its role. Native
 * textContent (`whole`) joins text split across inline elements and never forces layout. Where each number
 * sits is then found by walking text nodes from the nearer end of the text, which also tells a number in a
 * script or a style (whose source textContent includes) from one a person reads.
 */
function scanTree(root: ParentNode & Node, whole: string, limits: ScanLimits, context: RoleContext): PageFinding[] {
  const { text, cut } = boundedText(whole, limits.maxChars);
  const matches = scanNumbers(text);
  if (matches.length === 0) return [];
  // Offsets past the cut count from the end of the whole text, which the kept end shares.
  const offsets = matches.map((m) => (m.start < cut ? m.start : whole.length - (text.length - m.start)));
  const nodes = locateOffsets(root, offsets, whole.length, limits.maxTextNodes);
  // A number whose place could not be found within the budget is taken as the site's own.
  return matches.flatMap((m, i) => {
    const node = nodes[i];
    if (node && unread(node)) return [];
    return [finding(text, m, node ? roleOf(node, context) : 'claim')];
  });
}

// Every licence number holds one of these (B1, B2 or ICP证), in any width or case: a page whose text has
// none claims no licence in its tail either.
const LICENCE_ANCHOR = /[BＢbｂ][12１２]|[IＩiｉ][CＣcｃ][PＰpｐ][^]{0,3}证/;
// A page whose HTML is this long has text that costs more to read whole than its tail does to walk.
const BIG_PAGE_BYTES = 4e6;

/**
 * Every number a person can read on the page, each a claim or a mention: from the page's end when the
 * site claims a licence number there (the footer), otherwise from all of its text. Shadow roots are
 * searched only when the light DOM claims no licence number, since finding them means visiting elements
 * one by one.
 */
export function scanPage(doc: Document, limits: ScanLimits = DEFAULT_SCAN_LIMITS): PageFinding[] {
  const root = doc.body ?? doc.documentElement;
  if (!root) return [];
  const context: RoleContext = { root, lists: new Map() };
  // A big page's tail is walked before its text is read. Any other page's text is read first, and its
  // tail walked only when the text could hold a licence number and not every number in it is within its
  // last TAIL_CHARS characters (which hold no more of what a person reads than the tail does): then the
  // whole text holds the tail's numbers and no others.
  const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  // A missing entry compares as undefined > n, false: the page counts as small. Spelled so because the
  // content script has bytes to spare only in the tens.
  // eslint-disable-next-line @typescript-eslint/no-non-null-asserted-optional-chain
  const whole = entry?.decodedBodySize! > BIG_PAGE_BYTES ? undefined : root.textContent!;
  let fromTail: PageFinding[] = [];
  if (whole === undefined || (LICENCE_ANCHOR.test(whole) && whole.length - whole.search(ANCHOR) + BEFORE > TAIL_CHARS)) {
    const tail = tailText(root);
    fromTail = scanNumbers(tail.text).map((m) => finding(tail.text, m, roleOf(tail.nodeAt(m.start), context)));
  }
  const findings = fromTail.some(isClaimedLicence) ? fromTail : scanTree(root, whole ?? root.textContent!, limits, context);
  if (!findings.some(isClaimedLicence)) {
    for (const shadow of openShadowRoots(root, { left: SHADOW_SEARCH }))
      findings.push(...scanTree(shadow, shadow.textContent!, limits, context));
  }
  return mergeFindings(findings).slice(0, limits.maxFindings);
}
