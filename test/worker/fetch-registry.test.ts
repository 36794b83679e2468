import { describe, expect, it } from 'vitest';
import { fetchRegistry } from '../../worker/updates/fetch-registry';

const URL_A = 'https://registry.example.cn/registry.json';
const SILENCE_MS = 150;

/**
 * A server whose registry arrives in `chunks`, each after `gapMs`; the signature at once. Like a real
 * body, it stops when the download is aborted.
 */
function tricklingServer(chunks: number, gapMs: number[] | number): typeof fetch {
  const gaps = Array.isArray(gapMs) ? gapMs : Array.from({ length: chunks }, () => gapMs);
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input).endsWith('.sig')) return new Response('c2lnbmF0dXJl');
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent === chunks) return controller.close();
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, gaps[sent]);
          init?.signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(new DOMException('aborted', 'AbortError'));
          });
        });
        controller.enqueue(new TextEncoder().encode(`chunk ${sent++};`));
      },
    });
    return new Response(body, { status: 200 });
  }) as typeof fetch;
}

describe('a slow line', () => {
  it('takes a download longer than the silence limit in all, as long as data keeps coming', async () => {
    const started = Date.now();
    const outcome = await fetchRegistry(
      URL_A,
      { etag: null, since: null },
      { maxBytes: 1_000_000, timeoutMs: SILENCE_MS },
      tricklingServer(8, SILENCE_MS / 2),
    );
    expect(Date.now() - started).toBeGreaterThan(3 * SILENCE_MS);
    expect(outcome).toMatchObject({ kind: 'candidate', candidate: { signature: 'c2lnbmF0dXJl' } });
    expect(new TextDecoder().decode((outcome as { candidate: { bytes: Uint8Array } }).candidate.bytes)).toBe(
      Array.from({ length: 8 }, (_, i) => `chunk ${i};`).join(''),
    );
  });

  it('refuses one that goes silent for longer than the limit in the middle of the body', async () => {
    const outcome = await fetchRegistry(
      URL_A,
      { etag: null, since: null },
      { maxBytes: 1_000_000, timeoutMs: SILENCE_MS },
      tricklingServer(4, [10, 10, SILENCE_MS * 3, 10]),
    );
    expect(outcome).toEqual({ kind: 'refused', reason: { key: 'download_silent', subs: [URL_A, String(SILENCE_MS / 1000)] } });
  });
});
