import * as z from 'zod/mini';
import { SaidOrTextSchema } from '../said';

// `detail`, `source` and `reason` are Saids, put into words by the options page. A status stored before
// messages were translated holds English strings there; they still pass, and are shown as they are, so
// that its ETags and failure count are kept.
export const UpdateStatusSchema = z.object({
  lastCheck: z.nullable(z.object({ at: z.string(), outcome: z.enum(['accepted', 'not-modified', 'refused']), detail: SaidOrTextSchema })),
  /** `source` is the update address, or a Said for the stored registry or an imported file. */
  lastRefusal: z.nullable(z.object({ at: z.string(), source: SaidOrTextSchema, reason: SaidOrTextSchema })),
  /** Consecutive failed checks, for the back-off. */
  failures: z.number(),
  /** ETag of the last accepted response from each update URL. */
  etags: z.record(z.string(), z.string()),
  /**
   * For an update URL whose registry was last brought up to date by deltas (so its ETag is unknown): the
   * server's date of the last delta; the whole file is downloaded again only if it changed after that.
   */
  since: z.optional(z.record(z.string(), z.string())),
});

export type UpdateStatus = z.infer<typeof UpdateStatusSchema>;

export const INITIAL_UPDATE_STATUS: UpdateStatus = { lastCheck: null, lastRefusal: null, failures: 0, etags: {} };
