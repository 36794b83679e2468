import * as z from 'zod/mini';
import { RegistrySchema, type Registry } from '../registry/schema';
import { said, type Said } from '../said';
import { gunzip, isGzip } from './gunzip';
import { verify } from './signature';

export interface TrustedKey {
  id: string;
  name: string;
  key: CryptoKey;
}

export type RefusalCode = 'too-large' | 'bad-signature' | 'bad-compression' | 'not-json' | 'schema' | 'not-newer';

export type Acceptance = { ok: true; registry: Registry; keyId: string } | { ok: false; code: RefusalCode; reason: Said };

export interface Candidate {
  /** The exact bytes received: the signature is checked over these, before anything parses them. */
  bytes: Uint8Array<ArrayBuffer>;
  signature: string;
}

/**
 * The rules every registry update and import passes, in this order: size, signature under a trusted key
 * over the exact bytes, JSON, schema, and a version strictly newer than the active one.
 */
export async function acceptRegistry(
  candidate: Candidate,
  context: {
    subtle: SubtleCrypto;
    trustedKeys: readonly TrustedKey[];
    activeVersion: number;
    maxBytes: number;
    /** For a gzip-compressed file: how large it may be once decompressed. */
    maxUnpackedBytes: number;
  },
): Promise<Acceptance> {
  const { bytes, signature } = candidate;
  if (bytes.length > context.maxBytes) {
    return { ok: false, code: 'too-large', reason: said('refused_too_large', bytes.length, context.maxBytes) };
  }
  let signer: TrustedKey | undefined;
  for (const trusted of context.trustedKeys) {
    if (await verify(context.subtle, trusted.key, bytes, signature)) {
      signer = trusted;
      break;
    }
  }
  if (!signer) {
    return { ok: false, code: 'bad-signature', reason: said('refused_bad_signature') };
  }
  let text = bytes;
  if (isGzip(bytes)) {
    const unpacked = await gunzip(bytes, context.maxUnpackedBytes);
    if ('tooLarge' in unpacked) {
      return { ok: false, code: 'too-large', reason: said('refused_too_large_unpacked', context.maxUnpackedBytes) };
    }
    if ('broken' in unpacked) return { ok: false, code: 'bad-compression', reason: said('refused_bad_compression', unpacked.broken) };
    text = unpacked.bytes;
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(text));
  } catch (error) {
    return { ok: false, code: 'not-json', reason: said('refused_not_json', (error as Error).message) };
  }
  const parsed = RegistrySchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, code: 'schema', reason: said('refused_schema', z.prettifyError(parsed.error)) };
  }
  if (parsed.data.version <= context.activeVersion) {
    return { ok: false, code: 'not-newer', reason: said('refused_not_newer', parsed.data.version, context.activeVersion) };
  }
  return { ok: true, registry: parsed.data, keyId: signer.id };
}
