// Builds the extension once for the end-to-end tests, for both browsers, with the e2e registry.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { keyIdOf } from '../../core/update/key-id';
import { SIGNING_ALGORITHM, toPem } from '../../core/update/signature';
import { E2E_BUILD, E2E_PRIVATE_KEY, E2E_REGISTRY, E2E_TRUSTED_KEYS, ROOT, SCREENSHOTS, STORE_PACKAGES } from './paths';
import { e2eRegistry } from './fixture-registry';
import { packagingEnv } from './store-package';

/** A publisher key made for this run: the build trusts its public half, the update tests sign with the other. */
async function makePublisherKey(): Promise<void> {
  const { subtle } = globalThis.crypto;
  const pair = await subtle.generateKey(SIGNING_ALGORITHM, true, ['sign', 'verify']);
  const spkiPem = toPem(await subtle.exportKey('spki', pair.publicKey), 'PUBLIC KEY');
  writeFileSync(E2E_PRIVATE_KEY, toPem(await subtle.exportKey('pkcs8', pair.privateKey), 'PRIVATE KEY'), { mode: 0o600 });
  writeFileSync(E2E_TRUSTED_KEYS, JSON.stringify([{ id: await keyIdOf(subtle, spkiPem), name: 'Example publisher', spkiPem }]));
}

// The end-to-end tests drive Debian's browsers, never a downloaded one.
const BROWSERS = [
  { path: '/usr/bin/chromium', package: 'chromium' },
  { path: '/usr/bin/firefox-esr', package: 'firefox-esr' },
];

export default async function setup(): Promise<void> {
  const missing = BROWSERS.filter((b) => !existsSync(b.path));
  if (missing.length > 0) {
    const names = missing.map((b) => `${b.path} (Debian package ${b.package})`).join(' and ');
    throw new Error(
      `The browser tests need ${names}: install with \`sudo apt-get install ${missing.map((b) => b.package).join(' ')} fonts-wqy-microhei\`, or run \`npm run test:unit\` for the tests that need no browser.`,
    );
  }
  mkdirSync(E2E_BUILD, { recursive: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(E2E_REGISTRY, JSON.stringify(e2eRegistry()));
  await makePublisherKey();
  const env = { ...process.env, LICENCE_REGISTRY: E2E_REGISTRY, LICENCE_TRUSTED_KEYS: E2E_TRUSTED_KEYS, WXT_OUT_DIR: E2E_BUILD };
  for (const target of ['chrome', 'firefox']) {
    execFileSync(process.execPath, ['node_modules/wxt/bin/wxt.mjs', 'build', '-b', target], { cwd: ROOT, env, stdio: 'pipe' });
  }
  // The store packages, as `npm run zip` makes them, for the tests that check what the stores require.
  rmSync(STORE_PACKAGES, { recursive: true, force: true });
  for (const target of ['chrome', 'firefox']) {
    execFileSync(process.execPath, ['node_modules/wxt/bin/wxt.mjs', 'zip', '-b', target], {
      cwd: ROOT,
      env: packagingEnv(STORE_PACKAGES),
      stdio: 'pipe',
    });
  }
}
