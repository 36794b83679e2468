import { foldText } from '../text/fold';
import { canonicalRegion } from './regions';

export type NumberKind = 'licence' | 'icp-filing' | 'public-security';

export interface NumberMatch {
  kind: NumberKind;
  /** Half-width, region kept (alternates folded), no 号, no spaces, no site suffix. */
  canonical: string;
  /** Site suffix such as the 3 of 川B2-20120050-3 or the 9 of 京ICP备10046444号-9. */
  suffix?: string;
  region?: string;
  /** Offsets of the whole spelling in the text that was scanned. */
  start: number;
  end: number;
}

// Every step below reads a bounded number of characters from its start position, so one attempt costs
// a constant; each position is tried at most once, so a scan is linear in the text whatever it contains.
const MAX_GAP = 3;
const MAX_DIGIT_GAP = 2;

// A character past either end of the text is undefined, which no comparison below holds for (and no
// string includes: c is always one character).
function isSpace(c: string | undefined): boolean {
  return ' \t\n\r\f\v'.includes(c!);
}
function isDigit(c: string | undefined): boolean {
  return c! >= '0' && c! <= '9';
}
function isAlnum(c: string | undefined): boolean {
  return isDigit(c) || (c! >= 'A' && c! <= 'Z') || (c! >= 'a' && c! <= 'z');
}

function skipSpaces(t: string, i: number, max = MAX_GAP): number {
  let n = 0;
  while (n < max && isSpace(t[i])) {
    i++;
    n++;
  }
  return i;
}

function expect(t: string, i: number, word: string): number {
  return t.startsWith(word, i) ? i + word.length : -1;
}

/** Reads up to `max` digits, allowing short runs of spaces between them. */
function readDigits(t: string, i: number, max: number): { digits: string; ends: number[] } {
  let digits = '';
  const ends: number[] = [];
  let j = i;
  while (digits.length < max && isDigit(t[j])) {
    digits += t[j];
    ends.push(j + 1);
    const k = skipSpaces(t, j + 1, MAX_DIGIT_GAP);
    if (!isDigit(t[k])) break;
    j = k;
  }
  return { digits, ends };
}

/** Picks the longest allowed length whose last digit is not directly followed by another digit. */
function takeSerial(t: string, i: number, lengths: readonly number[]): { serial: string; end: number } | null {
  const { digits, ends } = readDigits(t, i, Math.max(...lengths));
  for (const len of [...lengths].sort((a, b) => b - a)) {
    if (digits.length < len) continue;
    const end = ends[len - 1];
    if (isDigit(t[end])) continue;
    const serial = digits.slice(0, len);
    return isPlaceholder(serial) ? null : { serial, end };
  }
  return null;
}

const ASCENDING = '01234567890123456789';
const DESCENDING = '98765432109876543210';

export function isPlaceholder(serial: string): boolean {
  if (/^(\d)\1*$/.test(serial)) return true;
  return ASCENDING.includes(serial) || DESCENDING.includes(serial);
}

function readColon(t: string, i: number): number {
  const j = skipSpaces(t, i);
  return t[j] === ':' ? skipSpaces(t, j + 1) : j;
}

/** `号` then an optional `-N` site suffix; returns the new end and the suffix. */
function readTail(t: string, i: number): { end: number; suffix?: string } {
  let end = i;
  let j = skipSpaces(t, i, 1);
  if (t[j] === '号') end = j = j + 1;
  j = skipSpaces(t, j, 1);
  if (t[j] === '-') {
    const k = skipSpaces(t, j + 1, 1);
    let m = k;
    while (m - k < 4 && isDigit(t[m])) m++;
    if (m > k && m - k <= 3 && !isDigit(t[m])) {
      const suffix = t.slice(k, m);
      end = m;
      if (t[m] === '号') end = m + 1;
      return { end, suffix };
    }
  }
  return { end };
}

const CATEGORY_SEPARATORS = '.、·,';

/** `B2`, `B1.B2`, `A2.B2`, `A1.B1.B2`: at least one B category. */
function readCategories(t: string, i: number): { cats: string[]; end: number } | null {
  const cats: string[] = [];
  let j = i;
  while (cats.length < 4) {
    const letter = t[j];
    const digit = t[j + 1];
    if ((letter !== 'A' && letter !== 'B') || (digit !== '1' && digit !== '2')) break;
    cats.push(letter + digit);
    j += 2;
    const k = skipSpaces(t, j, 1);
    if (!CATEGORY_SEPARATORS.includes(t[k] ?? '\0')) break;
    const next = skipSpaces(t, k + 1, 1);
    if (t[next] !== 'A' && t[next] !== 'B') break;
    j = next;
  }
  if (!cats.some((c) => c[0] === 'B')) return null;
  return { cats, end: j };
}

function readBLicence(t: string, start: number, region: string | undefined, i: number): NumberMatch | null {
  let foreign = false;
  const afterHezi = expect(t, i, '合字');
  if (afterHezi >= 0) {
    foreign = true;
    i = skipSpaces(t, afterHezi);
  }
  const categories = readCategories(t, i);
  if (!categories) return null;
  let j = skipSpaces(t, categories.end);
  const dashed = t[j] === '-';
  if (dashed) j = skipSpaces(t, j + 1);
  // Without a region only a dash tells a licence from a product code followed by a number; with one,
  // a space will do (people type 渝B2 20210467), but digits glued to the category will not.
  if (!dashed && (region === undefined || j === categories.end)) return null;
  const serial = takeSerial(t, j, [8]);
  if (!serial || !(serial.serial.startsWith('19') || serial.serial.startsWith('20'))) return null;
  const tail = readTail(t, serial.end);
  const canonical = `${region ?? ''}${foreign ? '合字' : ''}${categories.cats.join('.')}-${serial.serial}`;
  return { kind: 'licence', canonical, suffix: tail.suffix, region, start, end: tail.end };
}

function readIcp(t: string, start: number, region: string, i: number): NumberMatch | null {
  let j = expect(t, i, 'ICP');
  if (j < 0) return null;
  j = skipSpaces(t, j);
  const mark = t[j];
  if (mark !== '证' && mark !== '备') return null;
  j = readColon(t, j + 1);
  if (mark === '证') {
    const serial = takeSerial(t, j, [6]);
    if (!serial) return null;
    const tail = readTail(t, serial.end);
    return { kind: 'licence', canonical: `${region}ICP证${serial.serial}`, region, start, end: tail.end };
  }
  const serial = takeSerial(t, j, [8, 10]);
  if (!serial) return null;
  const tail = readTail(t, serial.end);
  return {
    kind: 'icp-filing',
    canonical: `${region}ICP备${serial.serial}`,
    suffix: tail.suffix,
    region,
    start,
    end: tail.end,
  };
}

function readPublicSecurity(t: string, start: number, region: string, i: number): NumberMatch | null {
  let j = expect(t, i, '公网安备');
  if (j < 0) return null;
  j = readColon(t, j);
  const serial = takeSerial(t, j, [14]);
  if (!serial) return null;
  const tail = readTail(t, serial.end);
  return { kind: 'public-security', canonical: `${region}公网安备${serial.serial}`, region, start, end: tail.end };
}

function readAt(t: string, i: number): NumberMatch | null {
  const c = t[i];
  const region = canonicalRegion(c);
  if (region !== undefined) {
    const j = skipSpaces(t, i + 1);
    return readBLicence(t, i, region, j) ?? readIcp(t, i, region, j) ?? readPublicSecurity(t, i, region, j);
  }
  if ((c === 'A' || c === 'B' || c === '合') && !isAlnum(t[i - 1])) {
    return readBLicence(t, i, undefined, i);
  }
  return null;
}

// Every number contains one of these, in any width or case. A native search for them skips the text
// that cannot hold a number, which on a real page is nearly all of it.
export const ANCHOR = /[BＢbｂ][12１２]|[IＩiｉ][CＣcｃ][PＰpｐ]|公网安备/g;
// How far before an anchor a number can start (region, 合字, `A1.B1.` and spaces), and how far after it
// a parse can read. A number is never longer than BEFORE + AFTER.
export const BEFORE = 28;
const AFTER = 96;

/** Every licence, ICP filing and public-security number in `text`, in order of appearance. */
export function scanNumbers(text: string): NumberMatch[] {
  const found: NumberMatch[] = [];
  let tried = 0;
  ANCHOR.lastIndex = 0;
  for (let anchor = ANCHOR.exec(text); anchor; anchor = ANCHOR.exec(text)) {
    const from = Math.max(tried, anchor.index - BEFORE);
    if (from > anchor.index) continue;
    const offset = Math.max(0, from - 1);
    const window = foldText(text.slice(offset, anchor.index + AFTER));
    let match: NumberMatch | null = null;
    for (let i = from; i <= anchor.index && !match; i++) match = readAt(window, i - offset);
    if (match) {
      match.start += offset;
      match.end += offset;
      found.push(match);
      tried = match.end;
      ANCHOR.lastIndex = Math.max(ANCHOR.lastIndex, match.end);
    } else {
      tried = anchor.index + 1;
    }
  }
  return found;
}
