import * as z from 'zod/mini';

export const UpdateStatusSchema = z.object({
  lastCheck: z.nullable(
    z.object({ at: z.string(), outcome: z.enum(['accepted', 'not-modified', 'refused']), detail: z.string() }),
  ),
  lastRefusal: z.nullable(z.object({ at: z.string(), source: z.string(), reason: z.string() })),
  /** Consecutive failed checks, for the back-off. */
  failures: z.number(),
  /** ETag of the last accepted response from each update URL. */
  etags: z.record(z.string(), z.string()),
});

export type UpdateStatus = z.infer<typeof UpdateStatusSchema>;

export const INITIAL_UPDATE_STATUS: UpdateStatus = { lastCheck: null, lastRefusal: null, failures: 0, etags: {} };
