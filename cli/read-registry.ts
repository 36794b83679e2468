import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { RegistrySchema, type Registry } from '../core/registry/schema';
import { UnpackError, unpackedText } from '../core/update/unpacked-text';
import { fail } from './fail';

// The readers' limit (docs/registry-format.md §2), which is also about the longest string Node can hold.
const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;

/** A registry file, gzip-compressed or not (told by its first bytes, as readers do), checked by the schema; any problem ends the run naming the file. */
export async function readRegistryFile(path: string): Promise<Registry> {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (error) {
    fail(`cannot read the registry ${path}: ${(error as Error).message}`);
  }
  let text = '';
  try {
    for await (const chunk of unpackedText(bytes, MAX_UNPACKED_BYTES)) text += chunk;
  } catch (error) {
    if (!(error instanceof UnpackError)) throw error;
    if (error.problem === 'too-large') fail(`the registry ${path} decompresses to more than ${MAX_UNPACKED_BYTES} bytes`);
    if (error.problem === 'bad-compression')
      fail(`the registry ${path} looks gzip-compressed but cannot be decompressed: ${error.message}`);
    fail(`the registry ${path} is not UTF-8 text: ${error.message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    fail(`the registry ${path} is not JSON: ${(error as Error).message}`);
  }
  const parsed = RegistrySchema.safeParse(json);
  if (!parsed.success) fail(`the registry ${path} does not match the schema:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
