import * as z from 'zod/mini';
import { importPublicKey } from './signature';
import type { TrustedKey } from './accept-registry';

/** A public key entry as the reviewed trusted-keys file and the options page store it. */
export const PublicKeyEntrySchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  spkiPem: z.string().check(z.maxLength(2000)),
});

export type PublicKeyEntry = z.infer<typeof PublicKeyEntrySchema>;

/** The entries whose keys import as P-256 public keys; the others are reported by id. */
export async function importTrustedKeys(
  subtle: SubtleCrypto,
  entries: readonly PublicKeyEntry[],
): Promise<{ keys: TrustedKey[]; invalid: string[] }> {
  const keys: TrustedKey[] = [];
  const invalid: string[] = [];
  for (const entry of entries) {
    const key = await importPublicKey(subtle, entry.spkiPem);
    if (key) keys.push({ id: entry.id, name: entry.name, key });
    else invalid.push(entry.id);
  }
  return { keys, invalid };
}
