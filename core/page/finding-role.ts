import { scanNumbers } from '../grammar/scan-numbers';
import { tailText } from './page-text';

/**
 * Whether the site shows a number as its own (`claim`: footer, page chrome, the text after its main
 * content) or a number sits in what the page is about (`mention`: an article, a post, a quotation, a table
 * of several companies' numbers). Only claims take part in a verdict; see docs/verdict.md.
 */
export type FindingRole = 'claim' | 'mention';

// Markup is read from tag names, roles, ids and classes only: nothing that makes the browser compute
// layout or style. Each element is read as one string, `<tag><role> id class`. The page's own footer
// outranks content (a site's footer inside its content wrapper is still its footer); content outranks
// header-like chrome (an article's title block is content). Names of posts, comments, answers and article
// bodies are those blog, forum (Discuz's postmessage_…), news and government publishing systems (TRS_Editor,
// #zoom) write; they must start a word, so `poster` or `repost` do not count.
const FOOTER = /<(?:footer|contentinfo)>|foot(?!note)|copy-?right|beian|[\s_-]icp|bottom|备案/;
const CONTENT =
  /<(?:article|main|blockquote|q|aside|complementary|comment)>|[\s_-](?:article|post(?!er)|comment|repl(?:y|ies)|thread|answer|quote|message|entry|topic|trs_editor|zoom|news[-_]?(?:body|content|text)|rich[-_]?text)/;
const HEADER = /<(?:header|nav|banner|navigation)>|[\s_-](?:header|top-?bar|nav)/;
const LIST_TAGS = new Set(['table', 'ul', 'ol', 'dl']);
const ELEMENT = 1;
const FRAGMENT = 11;
// Ancestors read per number: enough for any real page, bounded for a page nested 100,000 levels deep.
const MAX_CLIMB = 256;
// How much of a list is read for its numbers.
const MAX_LIST_CHARS = 200_000;

/** What a number's ancestors say about it, up to the body (crossing shadow roots to their hosts). */
interface Ancestry {
  footer: boolean;
  content: boolean;
  header: boolean;
  /** The nearest table or list around the number, if any. */
  list: Element | null;
  /** Where the number sits in the document itself: its node, or the host of the shadow root it is in. */
  anchor: Node;
}

function ancestry(node: Node): Ancestry {
  const found: Ancestry = { footer: false, content: false, header: false, list: null, anchor: node };
  let at: Node | null = node.parentNode;
  for (let climbed = 0; at && climbed < MAX_CLIMB; climbed++) {
    if (at.nodeType === FRAGMENT) {
      at = (at as ShadowRoot).host ?? null;
      if (at) found.anchor = at;
      continue;
    }
    if (at.nodeType !== ELEMENT) break;
    const el = at as Element;
    const tag = el.localName;
    if (tag === 'body' || tag === 'html') break;
    const markup = `<${tag}><${el.getAttribute('role')}> ${el.id} ${el.getAttribute('class')}`.toLowerCase();
    if (FOOTER.test(markup)) {
      found.footer = true;
      break;
    }
    found.content ||= CONTENT.test(markup);
    found.header ||= HEADER.test(markup);
    if (!found.list && LIST_TAGS.has(tag)) found.list = el;
    at = el.parentNode;
  }
  return found;
}

/** Everything a scan of one page learns once and reuses for each number it classifies. */
export interface RoleContext {
  /** The page's body (or root element). */
  root: Node;
  /**
   * The first text node of the page's last couple of thousand characters, the text after its main
   * content; found when first needed.
   */
  tailStart?: Node;
  /** Whether a table or list shows several licence numbers, remembered per element. */
  lists: Map<Element, boolean>;
}

function listsSeveral(list: Element, context: RoleContext): boolean {
  let several = context.lists.get(list);
  if (several === undefined) {
    const numbers = scanNumbers(list.textContent!.slice(0, MAX_LIST_CHARS)).filter((m) => m.kind === 'licence');
    several = new Set(numbers.map((m) => m.canonical)).size > 1;
    context.lists.set(list, several);
  }
  return several;
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

const follows = (node: Node, from: Node) => node === from || (from.compareDocumentPosition(node) & FOLLOWING) !== 0;

/**
 * After the page's last `main` or `article`, where a site's own footer text goes even without markup.
 * Looked up for each unmarked number outside the page's end, which few pages have.
 */
function afterMainContent(node: Node): boolean {
  const mains = node.ownerDocument?.querySelectorAll('main,[role=main],article');
  const main = mains?.[mains.length - 1];
  return !!main && !main.contains(node) && follows(node, main);
}

/** The role of a number whose text starts in `node`. */
export function roleOf(node: Node, context: RoleContext): FindingRole {
  const { footer, content, header, list, anchor } = ancestry(node);
  if (footer) return 'claim';
  if (content) return 'mention';
  if (header) return 'claim';
  if (list && listsSeveral(list, context)) return 'mention';
  const tailStart = (context.tailStart ??= tailText(context.root).start);
  const inTail = !!tailStart && follows(anchor, tailStart);
  return inTail || afterMainContent(anchor) ? 'claim' : 'mention';
}
