import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { HOST_PATTERNS } from './lib/adapters';

/**
 * Preact's renderer sets `innerHTML` in one place: for the `dangerouslySetInnerHTML` prop, which
 * Paperlight never uses (page text is never markup). Add-on reviewers' linter flags that assignment
 * in every bundle that renders, so the build replaces it with an error: a future use fails loudly
 * instead of inserting markup. The build stops if Preact's code no longer has exactly that one spot.
 */
function preactWithoutInnerHtml(): Plugin {
  return {
    name: 'paperlight:preact-without-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id)) return null;
      const assignment = /\([\w$]+\.innerHTML=[\w$]+\.__html\)/g;
      const found = code.match(assignment)?.length ?? 0;
      if (found !== 1) throw new Error(`preact-without-inner-html: expected one innerHTML assignment in ${id}, found ${found}`);
      return { code: code.replace(assignment, '(()=>{throw new Error("Paperlight never renders dangerouslySetInnerHTML")})()'), map: null };
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preactWithoutInnerHtml(), preact()] }),
  zip: {
    // addons.mozilla.org rebuilds the Firefox package from this archive with the README's
    // "Store packages" steps; the tests and their saved pages are not needed for that.
    excludeSources: ['tests/**', 'web-ext-artifacts/**'],
  },
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
