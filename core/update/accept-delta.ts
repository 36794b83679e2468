import * as z from 'zod/mini';
import { said } from '../said';
import { unpackRefusal, verifyCandidate, type Candidate, type Refusal, type TrustedKey } from './accept-registry';
import { RegistryDeltaSchema, type RegistryDelta } from './delta-schema';
import { UnpackError, unpackedText } from './unpacked-text';

/**
 * The rules a delta passes before it is applied: size and signature as for a registry, then JSON and the
 * delta schema, and a result newer than the registry in force. Whether it fits the registry here is for
 * planDelta (core/update/delta-plan.ts) to say. A delta is small (a day's changes), so it is read whole.
 */
export async function acceptDelta(
  candidate: Candidate,
  context: { subtle: SubtleCrypto; trustedKeys: readonly TrustedKey[]; activeVersion: number; maxBytes: number; maxUnpackedBytes: number },
): Promise<{ ok: true; keyId: string; delta: RegistryDelta } | Refusal> {
  const verified = await verifyCandidate(candidate, context);
  if (!verified.ok) return verified;
  let json: unknown;
  try {
    let text = '';
    for await (const chunk of unpackedText(candidate.bytes, context.maxUnpackedBytes)) text += chunk;
    json = JSON.parse(text);
  } catch (error) {
    if (error instanceof UnpackError) return unpackRefusal(error, context.maxUnpackedBytes);
    return { ok: false, code: 'not-json', reason: said('refused_not_json', (error as Error).message) };
  }
  const parsed = RegistryDeltaSchema.safeParse(json);
  if (!parsed.success) return { ok: false, code: 'schema', reason: said('refused_not_delta', z.prettifyError(parsed.error)) };
  const delta = parsed.data;
  if (delta.to.version <= context.activeVersion) {
    return { ok: false, code: 'not-newer', reason: said('refused_not_newer', delta.to.version, context.activeVersion) };
  }
  return { ok: true, keyId: verified.keyId, delta };
}
