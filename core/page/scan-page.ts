import { scanNumbers, type NumberKind, type NumberMatch } from '../grammar/scan-numbers';

/** A number found on a page, as reported to the background. */
export interface PageFinding {
  kind: NumberKind;
  canonical: string;
  suffix?: string;
  /** The text around the number, as a person would quote it. */
  context: string;
}

export interface ScanLimits {
  /** Text beyond this many characters is skipped in the middle: footers sit at the end, headers at the start. */
  maxChars: number;
  /** Elements visited while looking for open shadow roots. */
  maxElements: number;
  maxFindings: number;
}

export const DEFAULT_LIMITS: ScanLimits = { maxChars: 2_000_000, maxElements: 200_000, maxFindings: 20 };

// textContent includes the source of these; what they hold is not what a person reads.
const NOT_READ = 'script,style,noscript,template';
const CONTEXT_CHARS = 30;

const keyOf = (m: Pick<NumberMatch, 'kind' | 'canonical' | 'suffix'>) => `${m.kind} ${m.canonical} ${m.suffix ?? ''}`;

function boundedText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const head = Math.floor(maxChars / 4);
  return `${text.slice(0, head)}\n${text.slice(text.length - (maxChars - head))}`;
}

function contextOf(text: string, m: NumberMatch): string {
  return text
    .slice(Math.max(0, m.start - CONTEXT_CHARS), m.end + CONTEXT_CHARS)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Numbers in the text of one tree (a document body or a shadow root). Native textContent joins text
 * split across inline elements and never forces layout; numbers that occur only inside scripts and
 * styles are then taken out again, the last occurrences first since scripts tend to follow the footer.
 */
function scanTree(root: ParentNode & Node, limits: ScanLimits): PageFinding[] {
  const text = boundedText(root.textContent ?? '', limits.maxChars);
  const matches = scanNumbers(text);
  if (matches.length === 0) return [];
  const unread = new Map<string, number>();
  for (const element of root.querySelectorAll(NOT_READ)) {
    for (const m of scanNumbers(boundedText(element.textContent ?? '', limits.maxChars))) {
      unread.set(keyOf(m), (unread.get(keyOf(m)) ?? 0) + 1);
    }
  }
  const read: NumberMatch[] = [];
  for (let i = matches.length - 1; i >= 0; i--) {
    const key = keyOf(matches[i]);
    const left = unread.get(key) ?? 0;
    if (left > 0) unread.set(key, left - 1);
    else read.unshift(matches[i]);
  }
  return read.map((m) => ({ kind: m.kind, canonical: m.canonical, suffix: m.suffix, context: contextOf(text, m) }));
}

/** Open shadow roots under `root`, nested ones included, visiting at most `budget.left` elements. */
function openShadowRoots(root: Node, budget: { left: number }): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.nextNode(); node && budget.left > 0; node = walker.nextNode()) {
    budget.left--;
    const shadow = (node as Element).shadowRoot;
    if (shadow) found.push(shadow, ...openShadowRoots(shadow, budget));
  }
  return found;
}

const TAIL_CHARS = 2_000;
const TAIL_NODES = 1_000;
const UNREAD_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * The last couple of thousand characters a person reads, gathered by walking text nodes backwards from
 * the end. Footers are there, and the walk stops long before a big page's start, so a page with its
 * licence in the footer costs a fraction of reading all its text. Only text nodes are visited (no filter
 * callback, which would cost a call into script per node).
 */
function tailText(root: Node, doc: Document): string {
  const walker = doc.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
  let last: Node = root;
  while (last.lastChild) last = last.lastChild;
  walker.currentNode = last;
  let node: Node | null = last.nodeType === 3 ? last : walker.previousNode();
  const parts: string[] = [];
  let chars = 0;
  for (let visited = 0; node && chars < TAIL_CHARS && visited < TAIL_NODES; visited++, node = walker.previousNode()) {
    // Script, style and noscript text are direct children of their element; template content is not
    // connected to the document (browsers do not walk into it; some test DOMs do).
    if (!node.isConnected || UNREAD_PARENTS.has(node.parentNode?.nodeName ?? '')) continue;
    // Only the end of a long node: a single text node can hold megabytes.
    const data = (node as Text).data;
    const take = data.length > TAIL_CHARS - chars ? data.slice(data.length - (TAIL_CHARS - chars)) : data;
    parts.push(take);
    chars += take.length;
  }
  return parts.reverse().join('');
}

/**
 * Every number a person can read on the page: from the page's end when a licence number is there (the
 * footer), otherwise from all of its text. Shadow roots are searched only when the light DOM shows no
 * licence number, since finding them means visiting elements one by one.
 */
export function scanPage(doc: Document, limits: ScanLimits = DEFAULT_LIMITS): PageFinding[] {
  const root = doc.body ?? doc.documentElement;
  if (!root) return [];
  const tail = tailText(root, doc);
  const fromTail = scanNumbers(tail);
  const findings = fromTail.some((m) => m.kind === 'licence')
    ? fromTail.map((m) => ({ kind: m.kind, canonical: m.canonical, suffix: m.suffix, context: contextOf(tail, m) }))
    : scanTree(root, limits);
  if (!findings.some((f) => f.kind === 'licence')) {
    for (const shadow of openShadowRoots(root, { left: limits.maxElements })) findings.push(...scanTree(shadow, limits));
  }
  const unique = new Map<string, PageFinding>();
  for (const f of findings) if (!unique.has(keyOf(f))) unique.set(keyOf(f), f);
  return [...unique.values()].slice(0, limits.maxFindings);
}
