// Builds the extension once for the end-to-end tests, for both browsers, with the e2e registry.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { E2E_BUILD, E2E_REGISTRY, ROOT } from './paths';
import { e2eRegistry } from './fixture-registry';

export default function setup(): void {
  mkdirSync(E2E_BUILD, { recursive: true });
  writeFileSync(E2E_REGISTRY, JSON.stringify(e2eRegistry()));
  const env = { ...process.env, LICENCE_REGISTRY: E2E_REGISTRY, WXT_OUT_DIR: E2E_BUILD };
  for (const target of ['chrome', 'firefox']) {
    execFileSync(process.execPath, ['node_modules/wxt/bin/wxt.mjs', 'build', '-b', target], { cwd: ROOT, env, stdio: 'pipe' });
  }
}
