import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HOST_PATTERNS } from '../../lib/adapters';
import { GENERIC_SCRIPT_ID, syncGenericDetection } from '../../lib/background/permissions';

/** The fake browser has no permissions or scripting API: a small stand-in with the real semantics. */
function fakeApis(granted: boolean) {
  const registered = new Map<string, unknown>();
  const state = { granted };
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async (p) => state.granted && p.origins?.[0] === '<all_urls>');
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(async (f) => [...registered.values()].filter((s) => f?.ids?.includes((s as { id: string }).id)) as never);
  const register = vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation(async (scripts) => {
    for (const s of scripts) {
      if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      registered.set(s.id, s);
    }
  });
  vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation(async (f) => void f?.ids?.forEach((id) => registered.delete(id)));
  return { state, registered, register };
}

describe('generic detection on all sites', () => {
  it('registers the content script for every other http(s) site while the permission is granted', async () => {
    const { registered } = fakeApis(true);
    expect(await syncGenericDetection()).toBe(true);
    expect(registered.get(GENERIC_SCRIPT_ID)).toEqual({
      id: GENERIC_SCRIPT_ID,
      matches: ['http://*/*', 'https://*/*'],
      excludeMatches: [...HOST_PATTERNS],
      js: ['content-scripts/content.js'],
      runAt: 'document_idle',
      persistAcrossSessions: false,
    });
  });

  it('registers once however many syncs run at the same time (startup and permission events)', async () => {
    const { register } = fakeApis(true);
    await Promise.all([syncGenericDetection(), syncGenericDetection(), syncGenericDetection()]);
    expect(register).toHaveBeenCalledTimes(1);
  });

  it('unregisters when the permission is removed, and does nothing without it', async () => {
    const { state, registered } = fakeApis(true);
    await syncGenericDetection();
    state.granted = false;
    expect(await syncGenericDetection()).toBe(false);
    expect(registered.size).toBe(0);
    expect(await syncGenericDetection()).toBe(false);
  });
});
