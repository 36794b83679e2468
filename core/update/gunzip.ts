// A registry may be published gzip-compressed (`registry.json.gz`): a tenth of the download. Both browsers,
// and Node, decompress it natively with DecompressionStream; the signature covers the compressed bytes as
// downloaded, and is checked before anything is decompressed.
import { readAtMost } from './read-at-most';

/** Whether `bytes` start as a gzip member does (RFC 1952: ID1 ID2, CM 8 = deflate). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
}

/** The decompressed bytes, given up on as soon as they pass `maxBytes` (a "zip bomb" costs no more than the limit). */
export async function gunzip(
  bytes: Uint8Array<ArrayBuffer>,
  maxBytes: number,
): Promise<{ bytes: Uint8Array<ArrayBuffer> } | { tooLarge: true } | { broken: string }> {
  try {
    const unpacked = await readAtMost(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')), maxBytes);
    return unpacked ? { bytes: unpacked } : { tooLarge: true };
  } catch (error) {
    return { broken: (error as Error).message };
  }
}
