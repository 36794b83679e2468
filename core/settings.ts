import * as z from 'zod/mini';
import { PublicKeyEntrySchema } from './update/trusted-keys';

export const LANGUAGES = ['auto', 'zh_CN', 'en'] as const;

/** Updates come over HTTPS; plain HTTP only from this machine (a local mirror, or tests). */
export function isAllowedUpdateUrl(text: string): boolean {
  try {
    const url = new URL(text);
    if (url.username || url.password || url.hash) return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname));
  } catch {
    return false;
  }
}

// Fields added after the first release carry defaults, so settings saved by an older version still pass
// and nothing a reader chose is lost.
export const SettingsSchema = z.object({
  language: z.enum(LANGUAGES),
  updateUrls: z
    .array(z.string().check(z.refine(isAllowedUpdateUrl, 'an https:// address (http:// only for this machine)')))
    .check(z.maxLength(5)),
  userKeys: z.array(PublicKeyEntrySchema).check(z.maxLength(10)),
  /** Show the in-page warning on pages that borrow another site's licence number. */
  warnings: z._default(z.boolean(), true),
  /** Registrable domains whose in-page warning the reader dismissed. */
  dismissedSites: z._default(z.array(z.string().check(z.maxLength(253))).check(z.maxLength(1000)), []),
});

export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { language: 'auto', updateUrls: [], userKeys: [], warnings: true, dismissedSites: [] };
