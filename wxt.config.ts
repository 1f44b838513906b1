import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { HOST_PATTERNS } from './lib/adapters';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Each one is explained in README.md, "Permissions".
    permissions: ['storage', 'unlimitedStorage', 'notifications', 'alarms', 'scripting'],
    host_permissions: [...HOST_PATTERNS],
    // Generic detection on every other site: requested from the options page only if the user switches it on.
    // Manifest V2 (Firefox's default build) lists optional origins with the optional permissions.
    ...(manifestVersion === 2 ? { optional_permissions: ['<all_urls>'] } : { optional_host_permissions: ['<all_urls>'] }),
    action: { default_title: '__MSG_extName__' },
    content_security_policy: {
      // Our pages load nothing but their own files and connect nowhere; page text is never markup.
      extension_pages: "default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'none'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'paperlight@paperlight.dev', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
