// What the worker tells a person (why an update was refused, what a check did) travels and is stored as a
// locale message name and its substitutions, and is put into words only on the page that shows it, in
// that page's language. Technical detail no translation can help (an address, an HTTP status, an error
// from the schema or the browser) is a substitution, kept as it came.
import * as z from 'zod/mini';
import type { Translate } from './i18n';

/** The locale messages (public/_locales/<locale>/messages.json) the worker may say. */
export const SAID_KEYS = [
  // An update or import that fails the acceptance rules (core/update/accept-registry.ts).
  'refused_too_large',
  'refused_too_large_unpacked',
  'refused_bad_compression',
  'refused_bad_signature',
  'refused_not_json',
  'refused_schema',
  'refused_not_newer',
  // A delta that cannot be applied (core/update/delta-plan.ts): the whole registry is downloaded instead.
  'refused_not_delta',
  'refused_delta_base',
  'refused_delta_result',
  // A download that is refused before the rules see it (worker/updates/fetch-registry.ts).
  'download_announced_too_large',
  'download_too_large',
  'download_redirected',
  'download_http_status',
  'download_no_signature',
  'download_silent',
  'download_unreachable',
  // A stored registry that is not used (worker/updates/registry-keeper.ts).
  'stored_discarded',
  'stored_discarded_record',
  'stored_unreadable',
  // Answers to the options page's "check now" and import.
  'reply_accepted',
  'reply_accepted_import',
  'reply_accepted_delta',
  'reply_not_modified',
  'reply_no_address',
  'reply_import_unreadable',
  'reply_failed',
  // Where a refused registry came from, when that is not an address.
  'source_stored_registry',
  'source_imported_file',
] as const;

export type SaidKey = (typeof SAID_KEYS)[number];

/** A sentence for a person: a locale message name and its substitutions (`$1`, `$2`… in order). */
export interface Said {
  key: string;
  subs: string[];
}

/** What the worker says, by name; the name is checked against SAID_KEYS. */
export function said(key: SaidKey, ...subs: (string | number)[]): Said {
  return { key, subs: subs.map(String) };
}

// Any name is accepted when read back, so that a status written by another version is not thrown away
// (and its ETags and failure count with it) over one message name.
export const SaidSchema = z.object({ key: z.string(), subs: z.array(z.string()) });

/**
 * Stored where a Said goes: a Said, or plain text shown as it is (an update address, or the English
 * sentence an earlier version stored before messages were translated).
 */
export const SaidOrTextSchema = z.union([SaidSchema, z.string()]);

export type SaidOrText = z.infer<typeof SaidOrTextSchema>;

/** Puts what was said into the page's language; plain text is shown as it is. */
export function inWords(t: Translate, what: SaidOrText): string {
  return typeof what === 'string' ? what : t(what.key, what.subs);
}
