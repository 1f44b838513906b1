import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { HOST_PATTERNS } from './lib/adapters';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage', 'notifications', 'alarms'],
    host_permissions: [...HOST_PATTERNS],
    action: { default_title: '__MSG_extName__' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'none'",
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
