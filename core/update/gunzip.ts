// A registry may be published gzip-compressed (`registry.json.gz`): a tenth of the download. Both browsers,
// and Node, decompress it natively with DecompressionStream; the signature covers the compressed bytes as
// downloaded, and is checked before anything is decompressed.

/** Whether `bytes` start as a gzip member does (RFC 1952: ID1 ID2, CM 8 = deflate). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
}

/**
 * The decompressed bytes, read chunk by chunk and given up on as soon as they pass `maxBytes`, so a small
 * file that inflates without end (a "zip bomb") costs no more than the limit.
 */
export async function gunzip(
  bytes: Uint8Array<ArrayBuffer>,
  maxBytes: number,
): Promise<{ bytes: Uint8Array<ArrayBuffer> } | { tooLarge: true } | { broken: string }> {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel();
        return { tooLarge: true };
      }
      chunks.push(value);
    }
  } catch (error) {
    return { broken: (error as Error).message };
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return { bytes: out };
}
