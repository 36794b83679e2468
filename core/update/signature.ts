// Detached ECDSA P-256 / SHA-256 signatures over the exact bytes of a registry file, in the raw r‖s form
// WebCrypto produces, base64-encoded. Public keys travel as SPKI PEM.
export const SIGNING_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
export const SIGNATURE_PARAMS = { name: 'ECDSA', hash: 'SHA-256' } as const;
const RAW_SIGNATURE_BYTES = 64;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> | null {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return null;
  return Uint8Array.from(atob(clean), (c) => c.charCodeAt(0));
}

export function toPem(der: ArrayBuffer, label: 'PUBLIC KEY' | 'PRIVATE KEY'): string {
  const lines = bytesToBase64(new Uint8Array(der)).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export function fromPem(pem: string, label: 'PUBLIC KEY' | 'PRIVATE KEY'): Uint8Array<ArrayBuffer> | null {
  const m = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+)-----END ${label}-----`).exec(pem);
  return m ? base64ToBytes(m[1]) : null;
}

async function importKey(subtle: SubtleCrypto, pem: string, kind: 'public' | 'private'): Promise<CryptoKey | null> {
  const der = fromPem(pem, kind === 'public' ? 'PUBLIC KEY' : 'PRIVATE KEY');
  if (!der) return null;
  try {
    return await subtle.importKey(kind === 'public' ? 'spki' : 'pkcs8', der, SIGNING_ALGORITHM, false, [
      kind === 'public' ? 'verify' : 'sign',
    ]);
  } catch {
    return null;
  }
}

/** The public key of an SPKI PEM, or null when it is not a P-256 ECDSA public key. */
export function importPublicKey(subtle: SubtleCrypto, spkiPem: string): Promise<CryptoKey | null> {
  return importKey(subtle, spkiPem, 'public');
}

/** The private key of a PKCS#8 PEM (as registry:keygen writes), or null. */
export function importPrivateKey(subtle: SubtleCrypto, pkcs8Pem: string): Promise<CryptoKey | null> {
  return importKey(subtle, pkcs8Pem, 'private');
}

export async function sign(subtle: SubtleCrypto, key: CryptoKey, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return bytesToBase64(new Uint8Array(await subtle.sign(SIGNATURE_PARAMS, key, bytes)));
}

/** Whether `signature` (base64 raw r‖s) is `key`'s signature over exactly `bytes`. */
export async function verify(subtle: SubtleCrypto, key: CryptoKey, bytes: Uint8Array<ArrayBuffer>, signature: string): Promise<boolean> {
  const raw = base64ToBytes(signature.trim());
  if (!raw || raw.length !== RAW_SIGNATURE_BYTES) return false;
  return subtle.verify(SIGNATURE_PARAMS, key, raw, bytes);
}
