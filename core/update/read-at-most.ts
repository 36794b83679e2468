/**
 * A stream's bytes, read chunk by chunk; null (the stream cancelled) as soon as they pass `maxBytes`, so an
 * oversized download or a file that inflates without end costs no more than the limit. `onChunk` hears each
 * chunk arrive (a download's silence timer is re-armed by it).
 */
export async function readAtMost(
  stream: ReadableStream<Uint8Array>,
  maxBytes: number,
  onChunk: () => void = () => undefined,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    onChunk();
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
