import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const E2E_BUILD = join(ARTIFACTS, 'e2e-build');
export const E2E_REGISTRY = join(ARTIFACTS, 'e2e-registry.json');
export const CHROME_BUILD = join(E2E_BUILD, 'chrome-mv3');
export const FIREFOX_BUILD = join(E2E_BUILD, 'firefox-mv2');
export const SCREENSHOTS = join(ARTIFACTS, 'screenshots');
export const E2E_TRUSTED_KEYS = join(ARTIFACTS, 'e2e-trusted-keys.json');
export const E2E_PRIVATE_KEY = join(ARTIFACTS, 'e2e-signing.private.pem');
// `npm run zip`'s output with the committed registry: the packages as the stores receive them.
export const STORE_PACKAGES = join(ARTIFACTS, 'store-packages');
// The store listing's screenshots (docs/store/README.md), 1280×800, from real runs.
export const STORE_SCREENSHOTS = join(ARTIFACTS, 'store-screenshots');
