import * as z from 'zod/mini';
import { registryParts, RegistrySyntaxError } from '../registry/registry-parts';
import { DuplicateNumberError } from '../registry/registry-source';
import { RegistryTally } from '../registry/registry-tally';
import { FilingSchema, LicenceSchema, RegistryHeaderSchema, type Filing, type Licence } from '../registry/schema';
import { said, type Said } from '../said';
import { verify } from './signature';
import { UnpackError, unpackedText } from './unpacked-text';

export interface TrustedKey {
  id: string;
  name: string;
  key: CryptoKey;
}

export type RefusalCode = 'too-large' | 'bad-signature' | 'bad-compression' | 'not-json' | 'schema' | 'not-newer';

export type Refusal = { ok: false; code: RefusalCode; reason: Said };

export interface Candidate {
  /** The exact bytes received: the signature is checked over these, before anything parses them. */
  bytes: Uint8Array<ArrayBuffer>;
  signature: string;
}

/**
 * Where accepted records go as they are read (the registry store), which may still be writing them when
 * `add` returns; `written` waits for all of them. Either throws DuplicateNumberError for a number seen before.
 */
export interface RecordSink {
  add(licences: readonly Licence[], filings: readonly Filing[]): Promise<void>;
  written(): Promise<void>;
}

export type Acceptance = { ok: true; keyId: string; header: z.infer<typeof RegistryHeaderSchema>; tally: RegistryTally } | Refusal;

/** Records handed to the sink at a time: each batch is one store transaction, none holds much. */
const BATCH = 256;

const refusal = (code: RefusalCode, reason: Said): Refusal => ({ ok: false, code, reason });

/** Why a file whose text could not be read (core/update/unpacked-text.ts) is refused: a registry or a delta alike. */
export function unpackRefusal(error: UnpackError, maxUnpackedBytes: number): Refusal {
  if (error.problem === 'too-large') return refusal('too-large', said('refused_too_large_unpacked', maxUnpackedBytes));
  if (error.problem === 'bad-compression') return refusal('bad-compression', said('refused_bad_compression', error.message));
  return refusal('not-json', said('refused_not_json', `the file is not UTF-8 text (${error.message})`));
}

/** Size, then the signature under a trusted key over the exact bytes: nothing reads a file that fails these. */
export async function verifyCandidate(
  { bytes, signature }: Candidate,
  context: { subtle: SubtleCrypto; trustedKeys: readonly TrustedKey[]; maxBytes: number },
): Promise<{ ok: true; keyId: string } | Refusal> {
  if (bytes.length > context.maxBytes) return refusal('too-large', said('refused_too_large', bytes.length, context.maxBytes));
  for (const trusted of context.trustedKeys) {
    if (await verify(context.subtle, trusted.key, bytes, signature)) return { ok: true, keyId: trusted.id };
  }
  return refusal('bad-signature', said('refused_bad_signature'));
}

/**
 * The rules every registry update and import passes, in this order: size, signature under a trusted key
 * over the exact bytes; then, reading the file as it decompresses, JSON, the schema of every record and of
 * the header, unique numbers, and a version strictly newer than the active one. Records go to `sink` as they
 * are read, so a refusal part-way leaves part of the registry there for the caller to sweep away.
 */
export async function acceptRegistry(
  candidate: Candidate,
  context: {
    subtle: SubtleCrypto;
    trustedKeys: readonly TrustedKey[];
    activeVersion: number;
    maxBytes: number;
    /** How large the file may be once decompressed (or as it is, when it is not compressed). */
    maxUnpackedBytes: number;
  },
  sink: RecordSink,
): Promise<Acceptance> {
  const verified = await verifyCandidate(candidate, context);
  if (!verified.ok) return verified;
  try {
    const read = await readRecords(candidate.bytes, context, sink);
    return read.ok ? { ...read, keyId: verified.keyId } : read;
  } catch (error) {
    if (error instanceof UnpackError) return unpackRefusal(error, context.maxUnpackedBytes);
    if (error instanceof RegistrySyntaxError) return refusal('not-json', said('refused_not_json', error.message));
    if (error instanceof DuplicateNumberError) return refusal('schema', said('refused_schema', `${error.message}: numbers must be unique`));
    throw error;
  }
}

async function readRecords(
  bytes: Uint8Array<ArrayBuffer>,
  context: { activeVersion: number; maxUnpackedBytes: number },
  sink: RecordSink,
): Promise<{ ok: true; header: z.infer<typeof RegistryHeaderSchema>; tally: RegistryTally } | Refusal> {
  const tally = new RegistryTally();
  const header: Record<string, unknown> = {};
  let licences: Licence[] = [];
  let filings: Filing[] = [];
  const flush = async () => {
    if (licences.length + filings.length === 0) return;
    await sink.add(licences, filings);
    licences = [];
    filings = [];
  };
  const notNewer = (version: unknown) =>
    typeof version === 'number' && version <= context.activeVersion
      ? refusal('not-newer', said('refused_not_newer', version, context.activeVersion))
      : null;
  let listed = false;
  for await (const part of registryParts(unpackedText(bytes, context.maxUnpackedBytes))) {
    if (part.kind === 'list') {
      listed ||= part.name === 'licences';
      tally.filingList ||= part.name === 'filings';
      continue;
    }
    if (part.kind === 'field') {
      if (part.name === 'licences' || part.name === 'filings') {
        return refusal('schema', said('refused_schema', `${part.name}: expected an array`));
      }
      header[part.name] = part.value;
      // Known as soon as the version is read: an old file is not read further.
      const old = part.name === 'version' ? notNewer(part.value) : null;
      if (old) return old;
      continue;
    }
    const parsed = (part.kind === 'licence' ? LicenceSchema : FilingSchema).safeParse(part.value);
    if (!parsed.success) {
      const number = (part.value as { number?: unknown } | null)?.number;
      const which = `${part.kind === 'licence' ? 'licences' : 'filings'}[${part.index}]${typeof number === 'string' ? ` (${number})` : ''}`;
      return refusal('schema', said('refused_schema', `${which}: ${z.prettifyError(parsed.error)}`));
    }
    if (part.kind === 'licence') {
      tally.addLicence(parsed.data as Licence);
      licences.push(parsed.data as Licence);
    } else {
      tally.addFiling(parsed.data as Filing);
      filings.push(parsed.data as Filing);
    }
    if (licences.length + filings.length >= BATCH) await flush();
  }
  await flush();
  await sink.written();
  if (!listed) return refusal('schema', said('refused_schema', 'licences: the registry has no list of licences'));
  const checked = RegistryHeaderSchema.safeParse(header);
  if (!checked.success) return refusal('schema', said('refused_schema', z.prettifyError(checked.error)));
  return notNewer(checked.data.version) ?? { ok: true, header: checked.data, tally };
}
