/**
 * Work that waits until an element comes near the viewport. A 2,000-entry listing matches a few
 * hundred papers, of which a screenful is in view: drawing every badge at once costs the page
 * several full layouts, drawing them as the reader scrolls costs a few badges at a time.
 */

/** How far outside the viewport an entry counts as near: about two screens ahead either way. */
const NEAR_MARGIN = '200% 0px';

/** `whenNear(element, task)` runs `task` once `element` is near the viewport (a later call for the same element replaces its task). */
export function createNearView(win: Window & typeof globalThis, signal: AbortSignal): (element: Element, task: () => void) => void {
  const tasks = new WeakMap<Element, () => void>();
  const observer = new win.IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        const task = tasks.get(entry.target);
        tasks.delete(entry.target);
        task?.();
      }
    },
    { rootMargin: NEAR_MARGIN },
  );
  signal.addEventListener('abort', () => observer.disconnect());
  return (element, task) => {
    tasks.set(element, task);
    observer.observe(element);
  };
}
