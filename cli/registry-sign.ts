import { fail, parseCommandLine } from './fail';
import { readSigningKey, writeSignature } from './sign-file';

const USAGE = 'usage: npm run registry:sign -- --key <private key PEM> <registry.json>';

async function main(): Promise<void> {
  const args = parseCommandLine({ allowPositionals: true, options: { key: { type: 'string' } } }, USAGE);
  const keyPath = args.values.key;
  const [registryPath, ...extra] = args.positionals;
  if (!keyPath || !registryPath || extra.length > 0) fail(USAGE, 2);
  const key = await readSigningKey(keyPath);
  process.stdout.write(`wrote ${await writeSignature(key, registryPath)}\n`);
}

void main();
