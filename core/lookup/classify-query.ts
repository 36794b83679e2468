import { parse } from 'tldts-icann';
import { scanNumbers, type NumberMatch } from '../grammar/scan-numbers';
import { searchKey } from '../registry/registry-index';

export type Query =
  | { type: 'number'; number: NumberMatch }
  | { type: 'filing'; number: NumberMatch }
  /** The digits of a licence number (8) or an ICP filing number (8 or 10), without the region. */
  | { type: 'serial'; serial: string }
  | { type: 'host'; host: string }
  | { type: 'name'; text: string };

export class QueryError extends Error {}

const HOST_LIKE = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+\.?(?::\d+)?(?:[/?#].*)?$/i;

function hostOf(query: string): string | null {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(query) ? query : `http://${query}`);
  } catch {
    return null;
  }
  const info = parse(url.hostname, { allowPrivateDomains: false });
  if (info.isIp || !info.domain || !/[a-z]/i.test(info.publicSuffix ?? '')) return null;
  return url.hostname;
}

/** What a person typed into a lookup: a number in any spelling, a domain or URL, or part of a name. */
export function classifyQuery(raw: string): Query {
  const query = raw.trim();
  if (!query)
    throw new QueryError('Type a licence or ICP filing number (or only its digits), a domain or URL, or part of a company or site name.');
  const numbers = scanNumbers(query);
  const licence = numbers.find((m) => m.kind === 'licence');
  if (licence) return { type: 'number', number: licence };
  if (numbers.length > 0) return { type: 'filing', number: numbers[0] };
  const digits = query.replace(/\s+/g, '');
  if (/^(?:\d{8}|\d{10})$/.test(digits)) return { type: 'serial', serial: digits };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(query) || HOST_LIKE.test(query)) {
    const host = hostOf(query);
    if (!host) throw new QueryError(`"${query}" looks like a web address but has no valid domain.`);
    return { type: 'host', host };
  }
  const key = searchKey(query);
  if (/\p{Script=Han}/u.test(key) || /[a-z]{2,}/.test(key)) return { type: 'name', text: query };
  throw new QueryError(`"${query}" is not a licence or filing number, a domain or URL, or a name.`);
}
