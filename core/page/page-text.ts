// Text of a page read through its text nodes, for the two things native textContent cannot tell: the
// last part a person reads, and which node a given character of the text is in.

const SHOW_TEXT = 0x4;
export const TAIL_CHARS = 2_000;
const TAIL_NODES = 1_000;
// What these hold is not what a person reads: source code, and markup for later.
const UNREAD = new Set<string | undefined>(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Whether a text node is the source of a script or style rather than text a person reads. */
export const unread = (node: Node) => UNREAD.has(node.parentNode?.nodeName);

export interface TailText {
  text: string;
  /** The first text node the tail reads from, in document order. */
  start: Node | undefined;
  /** The text node holding the character at `offset` of `text`. */
  nodeAt: (offset: number) => Node;
}

/**
 * Visits text nodes under `root`, from the last one backwards or from the first one forwards, until `visit`
 * returns true or `budget` nodes were visited. No filter callback: that would cost a call into script per node.
 */
function walkText(root: Node, backwards: boolean, budget: number, visit: (node: Text) => boolean | void): void {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, SHOW_TEXT);
  let node: Node | null;
  if (backwards) {
    let last: Node = root;
    // Template content is not part of the page (one test DOM still reaches it through lastChild).
    while (last.lastChild && last.nodeName !== 'TEMPLATE') last = last.lastChild;
    walker.currentNode = last;
    node = last.nodeType === 3 ? last : walker.previousNode();
  } else {
    node = walker.nextNode();
  }
  for (let left = budget; node && left > 0 && !visit(node as Text); left--) node = backwards ? walker.previousNode() : walker.nextNode();
}

/** The element before `el` in document order under `root`, or null at root's start. */
function elementBefore(el: Element, root: Node): Element | null {
  let at = el.previousElementSibling;
  if (!at) return el.parentNode === root ? null : el.parentElement;
  while (at.lastElementChild) at = at.lastElementChild;
  return at;
}

/**
 * Open shadow roots under `root`, nested ones included, looked for from the page's end backwards (where a
 * footer in a shadow root sits) through at most `budget.left` elements: a walk over every element of a big
 * page would cost more, cold, than reading all its text.
 */
export function openShadowRoots(root: ParentNode & Node, budget: { left: number }): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  let at = root.lastElementChild;
  while (at?.lastElementChild) at = at.lastElementChild;
  for (; at && budget.left > 0; at = elementBefore(at, root)) {
    budget.left--;
    if (at.shadowRoot) found.push(at.shadowRoot, ...openShadowRoots(at.shadowRoot, budget));
  }
  return found;
}

/**
 * The last couple of thousand characters a person reads, gathered by walking text nodes backwards from
 * the end. Footers are there, and the walk stops long before a big page's start, so a page with its
 * licence in the footer costs a fraction of reading all its text.
 */
export function tailText(root: Node): TailText {
  const parts: string[] = [];
  const nodes: Node[] = [];
  let chars = 0;
  walkText(root, true, TAIL_NODES, (node) => {
    // Script, style and noscript text are direct children of their element.
    if (unread(node)) return false;
    // Only the end of a long node: a single text node can hold megabytes.
    const take = node.data.slice(-(TAIL_CHARS - chars));
    parts.unshift(take);
    nodes.unshift(node);
    chars += take.length;
    return chars >= TAIL_CHARS;
  });
  const text = parts.join('');
  return {
    text,
    start: nodes[0],
    nodeAt: (offset) => {
      let end = 0;
      const i = parts.findIndex((part) => offset < (end += part.length));
      return nodes[i < 0 ? nodes.length - 1 : i];
    },
  };
}

/**
 * The text node holding each of `offsets` in `root.textContent` (of `length` characters), or null where
 * the budget of text nodes ran out first. Offsets in the first half are found walking forwards from the
 * start, the rest backwards from the end, so a number in a header or a footer costs a short walk.
 */
export function locateOffsets(root: Node, offsets: readonly number[], length: number, budget: number): (Node | null)[] {
  const found: (Node | null)[] = offsets.map(() => null);
  for (const backwards of [false, true]) {
    // Distances from the walk's starting end, nearest first.
    const want = offsets
      .flatMap((o, i) => (o < length / 2 !== backwards ? [[backwards ? length - o : o, i] as const] : []))
      .sort((a, b) => a[0] - b[0]);
    let walked = 0;
    let next = 0;
    // Forwards a character at distance d lies in the node whose span [walked, walked + n) holds it;
    // backwards, distance d (1 for the last character) lies in the span (walked, walked + n].
    if (want.length > 0) {
      walkText(root, backwards, budget, (node) => {
        const end = walked + node.data.length;
        while (next < want.length && (backwards ? want[next][0] <= end : want[next][0] < end)) found[want[next++][1]] = node;
        walked = end;
        return next === want.length;
      });
    }
  }
  return found;
}
