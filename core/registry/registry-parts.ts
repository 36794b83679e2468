// A registry file read as it arrives, one record at a time, so that installing a national registry (some
// 300 MB of JSON) never holds it whole. Only the boundaries of values are found here, character by
// character; each value is then read by JSON.parse, which does the real parsing far faster than a
// JavaScript tokenizer could. Any layout is read (one record per line, pretty-printed, one long line).

/** A top-level field other than the record lists, or one record of `licences` / `filings`. */
export type RegistryPart =
  | { kind: 'field'; name: string; value: unknown }
  /** A record list begins: said even when it is empty, since a registry must have its licences. */
  | { kind: 'list'; name: 'licences' | 'filings' }
  | { kind: 'licence' | 'filing'; index: number; value: unknown };

/** The text is not the JSON of one object (with its record lists as arrays): where, and what was found. */
export class RegistrySyntaxError extends Error {}

const RECORD_LISTS: Record<string, 'licence' | 'filing'> = { licences: 'licence', filings: 'filing' };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

type State = 'start' | 'key' | 'first-key' | 'colon' | 'value' | 'after-value' | 'first-record' | 'record' | 'after-record' | 'done';

/**
 * Splits JSON text, pushed in chunks of any size, into the parts of a registry. Keeps its place inside a
 * value across chunks, so a value that spans many chunks is still scanned once.
 */
export class RegistryPartScanner {
  private buf = '';
  private pos = 0;
  private state: State = 'start';
  private key = '';
  private list: 'licence' | 'filing' | null = null;
  private counts = { licence: 0, filing: 0 };
  // The value being scanned: where it starts, how far it has been scanned, and the scan's state there.
  private start = -1;
  private scanned = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Characters consumed before `buf`: positions in messages are in the whole text. */
  private offset = 0;

  /** The parts completed by `chunk`. */
  push(chunk: string): RegistryPart[] {
    this.buf += chunk;
    const parts = this.run(false);
    // Drop what has been consumed once per chunk, not once per part: slicing per part would copy the
    // buffer's remainder for every record.
    const keep = this.start >= 0 ? this.start : this.pos;
    this.offset += keep;
    this.buf = this.buf.slice(keep);
    this.pos -= keep;
    if (this.start >= 0) {
      this.scanned -= keep;
      this.start = 0;
    }
    return parts;
  }

  /** The last parts; throws when the text ended before the object did. */
  end(): RegistryPart[] {
    const parts = this.run(true);
    if (this.state !== 'done') throw this.error('the text ends before the registry object does');
    return parts;
  }

  private error(what: string): RegistrySyntaxError {
    return new RegistrySyntaxError(`${what} (at character ${this.offset + this.pos})`);
  }

  private skipSpace(): boolean {
    while (this.pos < this.buf.length && isSpace(this.buf.charCodeAt(this.pos))) this.pos++;
    return this.pos < this.buf.length;
  }

  private run(final: boolean): RegistryPart[] {
    const parts: RegistryPart[] = [];
    while (this.skipSpace()) {
      const c = this.buf.charCodeAt(this.pos);
      switch (this.state) {
        case 'start':
          if (this.pos === 0 && this.offset === 0 && c === 0xfeff) {
            this.pos++;
            continue;
          }
          if (c !== OPEN_BRACE) throw this.error('a registry is one JSON object, starting with {');
          this.pos++;
          this.state = 'first-key';
          continue;
        case 'first-key':
        case 'key': {
          if (c === CLOSE_BRACE && this.state === 'first-key') {
            this.pos++;
            this.state = 'done';
            continue;
          }
          if (c !== QUOTE) throw this.error('expected a field name in quotes');
          const text = this.scanValue(final);
          if (text === null) return parts;
          this.key = JSON.parse(text) as string;
          this.state = 'colon';
          continue;
        }
        case 'colon':
          if (c !== COLON) throw this.error(`expected : after "${this.key}"`);
          this.pos++;
          this.state = 'value';
          continue;
        case 'value': {
          const list = Object.hasOwn(RECORD_LISTS, this.key) ? RECORD_LISTS[this.key] : null;
          if (list && c === OPEN_BRACKET) {
            this.list = list;
            parts.push({ kind: 'list', name: this.key as 'licences' | 'filings' });
            this.pos++;
            this.state = 'first-record';
            continue;
          }
          const text = this.scanValue(final);
          if (text === null) return parts;
          parts.push({ kind: 'field', name: this.key, value: this.parse(text, `the value of "${this.key}"`) });
          this.state = 'after-value';
          continue;
        }
        case 'after-value':
          if (c === COMMA) this.state = 'key';
          else if (c === CLOSE_BRACE) this.state = 'done';
          else throw this.error('expected , or } after a field');
          this.pos++;
          continue;
        case 'first-record':
        case 'record': {
          if (c === CLOSE_BRACKET && this.state === 'first-record') {
            this.pos++;
            this.state = 'after-value';
            continue;
          }
          const kind = this.list as 'licence' | 'filing';
          const text = this.scanValue(final);
          if (text === null) return parts;
          const index = this.counts[kind]++;
          parts.push({ kind, index, value: this.parse(text, `${kind} ${index + 1}`) });
          this.state = 'after-record';
          continue;
        }
        case 'after-record':
          if (c === COMMA) this.state = 'record';
          else if (c === CLOSE_BRACKET) this.state = 'after-value';
          else throw this.error(`expected , or ] after ${this.list} ${this.counts[this.list as 'licence' | 'filing']}`);
          this.pos++;
          continue;
        case 'done':
          throw this.error('unexpected text after the registry object');
      }
    }
    return parts;
  }

  private parse(text: string, what: string): unknown {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new RegistrySyntaxError(`${what} is not valid JSON: ${(error as Error).message}`);
    }
  }

  /**
   * The text of the value starting at `pos`, advancing past it; null when it has not all arrived (the scan
   * resumes where it stopped). Brackets are only counted: JSON.parse judges the value once its end is found.
   */
  private scanValue(final: boolean): string | null {
    const buf = this.buf;
    if (this.start < 0) {
      this.start = this.pos;
      this.scanned = this.pos;
      this.depth = 0;
      this.inString = false;
      this.escaped = false;
    }
    const first = buf.charCodeAt(this.start);
    let i = this.scanned;
    let end = -1;
    if (first === QUOTE || first === OPEN_BRACE || first === OPEN_BRACKET) {
      for (; i < buf.length; i++) {
        const c = buf.charCodeAt(i);
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (c === BACKSLASH) this.escaped = true;
          else if (c === QUOTE) {
            this.inString = false;
            if (this.depth === 0) {
              end = i + 1;
              break;
            }
          }
        } else if (c === QUOTE) this.inString = true;
        else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
        else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --this.depth === 0) {
          end = i + 1;
          break;
        }
      }
    } else {
      // A number, true, false or null ends at the first delimiter.
      for (; i < buf.length; i++) {
        const c = buf.charCodeAt(i);
        if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c)) {
          end = i;
          break;
        }
      }
      if (end < 0 && final) end = buf.length;
    }
    if (end < 0) {
      this.scanned = i;
      return null;
    }
    const text = buf.slice(this.start, end);
    this.pos = end;
    this.start = -1;
    return text;
  }
}

/** The parts of a registry whose text arrives as `chunks`. */
export async function* registryParts(chunks: AsyncIterable<string>): AsyncGenerator<RegistryPart> {
  const scanner = new RegistryPartScanner();
  for await (const chunk of chunks) yield* scanner.push(chunk);
  yield* scanner.end();
}
