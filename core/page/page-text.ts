// Text of a page read through its text nodes, for the two things native textContent cannot tell: the
// last part a person reads, and which node a given character of the text is in.

const SHOW_TEXT = 0x4;
const TAIL_CHARS = 2_000;
const TAIL_NODES = 1_000;
const UNREAD_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

export interface TailText {
  text: string;
  /** The first text node the tail reads from, in document order. */
  start: Node | null;
  /** The text node holding the character at `offset` of `text`. */
  nodeAt: (offset: number) => Node;
}

/**
 * The last couple of thousand characters a person reads, gathered by walking text nodes backwards from
 * the end. Footers are there, and the walk stops long before a big page's start, so a page with its
 * licence in the footer costs a fraction of reading all its text. Only text nodes are visited (no filter
 * callback, which would cost a call into script per node).
 */
export function tailText(root: Node, doc: Document): TailText {
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  let last: Node = root;
  while (last.lastChild) last = last.lastChild;
  walker.currentNode = last;
  let node: Node | null = last.nodeType === 3 ? last : walker.previousNode();
  const parts: string[] = [];
  const nodes: Node[] = [];
  let chars = 0;
  for (let visited = 0; node && chars < TAIL_CHARS && visited < TAIL_NODES; visited++, node = walker.previousNode()) {
    // Script, style and noscript text are direct children of their element; template content is not
    // connected to the document (browsers do not walk into it; some test DOMs do).
    if (!node.isConnected || UNREAD_PARENTS.has(node.parentNode?.nodeName ?? '')) continue;
    // Only the end of a long node: a single text node can hold megabytes.
    const data = (node as Text).data;
    const take = data.length > TAIL_CHARS - chars ? data.slice(data.length - (TAIL_CHARS - chars)) : data;
    parts.push(take);
    nodes.push(node);
    chars += take.length;
  }
  parts.reverse();
  nodes.reverse();
  const text = parts.join('');
  return {
    text,
    start: nodes[0] ?? null,
    nodeAt: (offset) => {
      let end = 0;
      for (let i = 0; i < parts.length; i++) {
        end += parts[i].length;
        if (offset < end) return nodes[i];
      }
      return nodes[nodes.length - 1];
    },
  };
}

/**
 * The text node holding each of `offsets` in `root.textContent` (of `length` characters), or null where
 * the budget of text nodes ran out first. Offsets in the first half are found walking forwards from the
 * start, the rest backwards from the end, so a number in a header or a footer costs a short walk.
 */
export function locateOffsets(root: Node, offsets: readonly number[], length: number, budget: number): (Node | null)[] {
  const doc = root.ownerDocument ?? (root as Document);
  const found: (Node | null)[] = offsets.map(() => null);
  const early = offsets.flatMap((o, i) => (o < length / 2 ? [[o, i] as const] : []));
  const late = offsets.flatMap((o, i) => (o < length / 2 ? [] : [[length - o, i] as const]));

  if (early.length > 0) {
    const walker = doc.createTreeWalker(root, SHOW_TEXT);
    const want = early.sort((a, b) => a[0] - b[0]);
    let start = 0;
    let next = 0;
    for (let node = walker.nextNode(), left = budget; node && next < want.length && left > 0; node = walker.nextNode(), left--) {
      const end = start + (node as Text).data.length;
      while (next < want.length && want[next][0] < end) found[want[next++][1]] = node;
      start = end;
    }
  }
  if (late.length > 0) {
    const walker = doc.createTreeWalker(root, SHOW_TEXT);
    let last: Node = root;
    while (last.lastChild) last = last.lastChild;
    walker.currentNode = last;
    // Counted from the end: the character `fromEnd` before the end lies in the node whose span covers it.
    const want = late.sort((a, b) => a[0] - b[0]);
    let fromEnd = 0;
    let next = 0;
    let node: Node | null = last.nodeType === 3 ? last : walker.previousNode();
    for (let left = budget; node && next < want.length && left > 0; node = walker.previousNode(), left--) {
      const spanStart = fromEnd + (node as Text).data.length;
      while (next < want.length && want[next][0] <= spanStart) found[want[next++][1]] = node;
      fromEnd = spanStart;
    }
  }
  return found;
}
