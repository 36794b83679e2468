// The extension's one message protocol (docs/message-protocol.md). Every message is validated with these
// schemas where it is received (worker/message-router.ts); senders import only the types, so the content
// script carries no zod.
import * as z from 'zod/mini';
import { scanNumbers } from './grammar/scan-numbers';
import type { Said } from './said';

const MAX_FINDINGS = 50;

function isCanonical(finding: { kind: string; canonical: string }): boolean {
  const found = scanNumbers(finding.canonical);
  return found.length === 1 && found[0].kind === finding.kind && found[0].canonical === finding.canonical && !found[0].suffix;
}

export const FindingSchema = z
  .object({
    kind: z.enum(['licence', 'icp-filing', 'public-security']),
    canonical: z.string().check(z.maxLength(64)),
    suffix: z.optional(z.string().check(z.regex(/^\d{1,3}$/))),
    context: z.string().check(z.maxLength(200)),
    /** Shown by the site as its own, or mentioned in its content (core/page/finding-role.ts). */
    role: z.enum(['claim', 'mention']),
  })
  .check(z.refine(isCanonical, 'not a canonical number of its kind'));

/** Content script → background: everything one frame currently shows (replaces its earlier report). */
export const FindingsMessageSchema = z.object({
  type: z.literal('findings'),
  findings: z.array(FindingSchema).check(z.maxLength(MAX_FINDINGS)),
});

export type Finding = z.infer<typeof FindingSchema>;
export type FindingsMessage = z.infer<typeof FindingsMessageSchema>;

/** Options page → background: check the update sources now. */
export const CheckUpdatesMessageSchema = z.object({ type: z.literal('checkUpdates') });

/**
 * Options page → background: a registry file the reader chose, staged in the registry store under `staged`
 * (its exact bytes; a file can be far larger than a message may be), and its signature.
 */
export const ImportRegistryMessageSchema = z.object({
  type: z.literal('importRegistry'),
  staged: z.string().check(z.regex(/^[0-9a-f-]{36}$/)),
  signature: z.string().check(z.maxLength(1024)),
});

export type ImportRegistryMessage = z.infer<typeof ImportRegistryMessageSchema>;

/** Every message an extension page may send. */
export const PageMessageSchema = z.discriminatedUnion('type', [CheckUpdatesMessageSchema, ImportRegistryMessageSchema]);

export type PageMessage = z.infer<typeof PageMessageSchema>;

/** The background's answer to an extension page's message: what it did, put into words by the page. */
export interface UpdateReply {
  ok: boolean;
  said: Said;
}

/** In-page warning (injected on mismatch pages only) → background: open the popup's details in a tab. */
export const OpenDetailsMessageSchema = z.object({ type: z.literal('openDetails') });

/** In-page warning → background: stop warning on this site. */
export const DismissWarningMessageSchema = z.object({ type: z.literal('dismissWarning') });

/** Every message a script in a web page (our content script or our injected warning) may send. */
export const ContentMessageSchema = z.discriminatedUnion('type', [
  FindingsMessageSchema,
  OpenDetailsMessageSchema,
  DismissWarningMessageSchema,
]);

export type ContentMessage = z.infer<typeof ContentMessageSchema>;
