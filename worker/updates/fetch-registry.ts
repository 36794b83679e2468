import { said, type Said } from '../../core/said';
import type { Candidate } from '../../core/update/accept-registry';
import { readAtMost } from '../../core/update/read-at-most';

export type FetchOutcome =
  | { kind: 'candidate'; candidate: Candidate; etag: string | null; date: string | null }
  | { kind: 'not-modified' }
  /** 404 or 410: for a delta, that none is published for this version. */
  | { kind: 'absent'; reason: Said }
  | { kind: 'refused'; reason: Said };

/** What the reader has of the file: a response that has not changed since is answered 304 without its body. */
export interface Conditions {
  etag: string | null;
  /** An HTTP date (the server's, from an earlier answer), used when there is no ETag. */
  since: string | null;
}

export interface FetchLimits {
  maxBytes: number;
  /** How long the server may stay silent: before it answers, and between chunks of a slow download. */
  timeoutMs: number;
}

const MAX_SIGNATURE_BYTES = 1024;

/** A download refused with a reason a person can act on. */
class Refusal extends Error {
  constructor(readonly reason: Said) {
    super(reason.key);
  }
}

/** Reads a body up to `maxBytes`, refusing (not truncating) a larger one. */
async function readCapped(response: Response, maxBytes: number, alive: () => void): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) throw new Refusal(said('download_announced_too_large', declared, maxBytes));
  if (!response.body) return new Uint8Array(0);
  const bytes = await readAtMost(response.body, maxBytes, alive);
  if (!bytes) throw new Refusal(said('download_too_large', maxBytes));
  return bytes;
}

async function get(fetcher: typeof fetch, url: string, signal: AbortSignal, headers: Record<string, string> = {}): Promise<Response> {
  const response = await fetcher(url, { redirect: 'manual', cache: 'no-store', credentials: 'omit', headers, signal });
  // Updates are taken only from the configured address, never from wherever it points.
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.status !== 304)) {
    throw new Refusal(said('download_redirected', url));
  }
  return response;
}

/**
 * Downloads a registry or a delta and its detached signature (`<url>.sig`) under a size cap and a time
 * limit, with If-None-Match or If-Modified-Since. Anything but a 200 (or a 304) is refused with a reason a
 * person can act on.
 */
export async function fetchRegistry(
  url: string,
  { etag, since }: Conditions,
  limits: FetchLimits,
  fetcher: typeof fetch = fetch,
): Promise<FetchOutcome> {
  const controller = new AbortController();
  // A large registry may take minutes on a slow line; only a server that stops sending is given up on.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const alive = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  };
  alive();
  try {
    const conditions: Record<string, string> = etag ? { 'If-None-Match': etag } : since ? { 'If-Modified-Since': since } : {};
    const response = await get(fetcher, url, controller.signal, conditions);
    if (response.status === 304) return { kind: 'not-modified' };
    if (response.status === 404 || response.status === 410)
      return { kind: 'absent', reason: said('download_http_status', url, response.status) };
    if (response.status !== 200) throw new Refusal(said('download_http_status', url, response.status));
    const bytes = await readCapped(response, limits.maxBytes, alive);
    const signatureResponse = await get(fetcher, `${url}.sig`, controller.signal);
    if (signatureResponse.status !== 200) throw new Refusal(said('download_no_signature', `${url}.sig`, signatureResponse.status));
    const signature = new TextDecoder().decode(await readCapped(signatureResponse, MAX_SIGNATURE_BYTES, alive));
    return { kind: 'candidate', candidate: { bytes, signature }, etag: response.headers.get('etag'), date: response.headers.get('date') };
  } catch (error) {
    if (error instanceof Refusal) return { kind: 'refused', reason: error.reason };
    if (controller.signal.aborted) return { kind: 'refused', reason: said('download_silent', url, limits.timeoutMs / 1000) };
    return { kind: 'refused', reason: said('download_unreachable', url, error instanceof Error ? error.message : String(error)) };
  } finally {
    clearTimeout(timer);
  }
}
