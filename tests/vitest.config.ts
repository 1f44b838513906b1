import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    reporters: ['default', ['json', { outputFile: 'tests/.tmp/results.json' }]],
    projects: [
      {
        plugins: [WxtVitest(), preact()],
        test: {
          name: 'unit',
          root,
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**', 'tests/e2e-firefox/**'],
          environment: 'happy-dom',
          // Saved pages reference the sites' scripts and styles: never load them, and do not log each one.
          environmentOptions: {
            happyDOM: {
              settings: {
                disableJavaScriptFileLoading: true,
                disableCSSFileLoading: true,
                handleDisabledFileLoadingAsSuccess: true,
                // Unit tests never touch the network: clicking a link must not navigate.
                navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true, disableFallbackToSetURL: true },
              },
            },
          },
          setupFiles: ['fake-indexeddb/auto', 'tests/setup.ts'],
          restoreMocks: true,
        },
      },
      {
        test: {
          name: 'e2e',
          root,
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A change that should show "at once" crosses the worker and IndexedDB; on a loaded 2-core machine that can take over the default second.
          expect: { poll: { timeout: 5_000 } },
          // One Chromium at a time: the machines have 2 cores.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'firefox',
          root,
          include: ['tests/e2e-firefox/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 120_000,
          expect: { poll: { timeout: 5_000 } },
          fileParallelism: false,
          // After the Chromium tests, not beside them: one browser at a time.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
