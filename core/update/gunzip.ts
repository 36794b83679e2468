// A registry may be published gzip-compressed (`registry.json.gz`): a tenth of the download. Both browsers,
// and Node, decompress it natively with DecompressionStream; the signature covers the compressed bytes as
// downloaded, and is checked before anything is decompressed.

/** Whether `bytes` start as a gzip member does (RFC 1952: ID1 ID2, CM 8 = deflate). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
}
