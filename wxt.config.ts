import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'webNavigation'],
    content_scripts: [
      { matches: ['http://*/*', 'https://*/*'], js: ['page-scan.js'], all_frames: true, run_at: 'document_idle' },
    ],
    browser_specific_settings: {
      gecko: {
        id: 'licence-check@example.org',
        strict_min_version: '115.0',
        // Nothing leaves the browser: every check runs against the bundled registry.
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});
