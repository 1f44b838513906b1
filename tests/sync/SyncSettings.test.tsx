import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SyncSettings } from '../../components/SyncSettings';
import { SYNC_STATE_KEY, type SyncState } from '../../lib/sync/engine';

afterEach(cleanup);

const stored = async () => (await fakeBrowser.storage.local.get(SYNC_STATE_KEY))[SYNC_STATE_KEY] as SyncState | undefined;

describe('the sync section of the options page', () => {
  it('switches sync on and off in storage.local, keeping the last synced document', async () => {
    await fakeBrowser.storage.local.set({ [SYNC_STATE_KEY]: { enabled: false, here: ['arxiv:1'] } });
    render(<SyncSettings />);
    const box = await screen.findByRole('checkbox');
    await waitFor(() => expect((box as HTMLInputElement).disabled).toBe(false));
    fireEvent.click(box);
    await waitFor(async () => expect(await stored()).toEqual({ enabled: true, here: ['arxiv:1'] }));
    expect(await screen.findByText('Sync is on; the first sync runs in a moment.')).toBeTruthy();
  });

  it('shows what the quota left out and which edits lost, as the background reports them', async () => {
    render(<SyncSettings />);
    await fakeBrowser.storage.local.set({
      [SYNC_STATE_KEY]: {
        enabled: true,
        report: { at: Date.now(), leftOut: ['Examples of “Diffusion” kept by key and title only'], replaced: ['Visual tracking'], unreadable: [] },
      } satisfies SyncState,
    });
    expect(await screen.findByText('Examples of “Diffusion” kept by key and title only')).toBeTruthy();
    expect(screen.getByText(/^Last synced .+\.$/)).toBeTruthy();
    expect(screen.getByText('Your edits here were replaced by newer edits from another browser: Visual tracking')).toBeTruthy();
  });
});
