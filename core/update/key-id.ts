import { fromPem } from './signature';

/** A short, stable id for a public key: the first 8 bytes of the SHA-256 of its SPKI, in hex. */
export async function keyIdOf(subtle: SubtleCrypto, spkiPem: string): Promise<string | null> {
  const der = fromPem(spkiPem, 'PUBLIC KEY');
  if (!der) return null;
  const digest = new Uint8Array(await subtle.digest('SHA-256', der));
  return `key-${[...digest.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
