import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyIdOf } from '../core/update/key-id';
import { SIGNING_ALGORITHM, toPem } from '../core/update/signature';
import { fail, parseCommandLine } from './fail';

const USAGE = 'usage: npm run registry:keygen -- --out <folder> [--name "publisher name"]';

async function main(): Promise<void> {
  const args = parseCommandLine({ options: { out: { type: 'string' }, name: { type: 'string' } } }, USAGE);
  const { out, name } = args.values;
  if (!out) fail(`--out is required\n${USAGE}`, 2);
  const privatePath = join(out, 'registry-signing.private.pem');
  const publicPath = join(out, 'registry-signing.public.pem');
  for (const path of [privatePath, publicPath]) if (existsSync(path)) fail(`${path} already exists; not overwriting a key`);

  const { subtle } = globalThis.crypto;
  const pair = await subtle.generateKey(SIGNING_ALGORITHM, true, ['sign', 'verify']);
  const publicPem = toPem(await subtle.exportKey('spki', pair.publicKey), 'PUBLIC KEY');
  mkdirSync(out, { recursive: true });
  writeFileSync(privatePath, toPem(await subtle.exportKey('pkcs8', pair.privateKey), 'PRIVATE KEY'), { mode: 0o600 });
  writeFileSync(publicPath, publicPem);
  const entry = { id: await keyIdOf(subtle, publicPem), name: name ?? 'registry publisher', spkiPem: publicPem };
  process.stdout.write(
    `wrote ${privatePath} (keep it secret, never commit it) and ${publicPath}\n` +
      `trusted-keys entry (add to data/trusted-keys.json, or paste the PEM into the options page):\n${JSON.stringify(entry, null, 2)}\n`,
  );
}

void main();
