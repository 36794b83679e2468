import { defineConfig } from 'wxt';
import { build } from 'esbuild';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';

// The registry bundled into the build. The end-to-end tests build with a registry of their own that adds
// licences dated relative to the day they run; everything else uses the committed one.
const registryFile = resolve(process.env.LICENCE_REGISTRY ?? 'data/registry.json');
// The publishers' public keys the build trusts; the end-to-end tests add a key of their own the same way.
const trustedKeysFile = resolve(process.env.LICENCE_TRUSTED_KEYS ?? 'data/trusted-keys.json');
// Rendered from assets/icon/icon.svg by `npm run icons` (scripts/render-icons.ts) and committed. The toolbar
// button's own copy is in entrypoints/popup/index.html, the one place WXT reads for both action and browser_action.
const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  alias: { '#registry': registryFile, '#trusted-keys': trustedKeysFile },
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  vite: () => ({ plugins: [preact()] }),
  // `npm run zip`: addons.mozilla.org reviewers rebuild the Firefox package from the sources zip, which needs
  // the code, the registry and the lock file, and none of the tests, benchmarks or their outputs.
  zip: { excludeSources: ['test/**', 'test-artifacts/**', 'bench/**', 'bench-results.json', 'stats.html', '**/*.log'] },
  hooks: {
    // The content script, bundled alone into one small IIFE (see content/page-scan.ts). Its magic comment
    // has V8 compile every function with the script, at once, rather than each on its first call, which
    // parses it a second time (V8's explicit compile hints, Chrome 136); most of them run on every page.
    // Property names that never leave it (none of the findings message's) are shortened, as minified
    // variables are.
    'build:publicAssets': async (_wxt, files) => {
      const bundle = await build({
        entryPoints: ['content/page-scan.ts'],
        bundle: true,
        minify: true,
        format: 'iife',
        target: 'es2022',
        charset: 'utf8',
        banner: { js: '//# allFunctionsCalledOnLoad' },
        mangleProps:
          /^(tailStart|lists|root|digits|ends|serial|cats|nodeAt|cut|footer|content|header|list|anchor|left|region|start|end|text|maxChars|maxTextNodes|maxFindings|doc|scan|report)$/,
        write: false,
      });
      files.push({ relativeDest: 'page-scan.js', contents: bundle.outputFiles[0].text });
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    icons: ICONS,
    permissions: ['storage', 'webNavigation', 'alarms', 'scripting', 'contextMenus'],
    host_permissions: ['http://*/*', 'https://*/*'],
    ...(browser !== 'firefox' && { storage: { managed_schema: 'managed-schema.json' } }),
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['page-scan.js'], all_frames: true, run_at: 'document_idle' }],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'licence-check@example.org',
          // data_collection_permissions needs 140 (Android 142); the e2e tests run Firefox ESR 153.
          strict_min_version: '140.0',
          // Nothing leaves the browser: every check runs against the bundled registry.
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
