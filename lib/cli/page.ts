/** Load a saved page into a DOM in Node, for `npm run detect` and the fixture tests. */
import { Window } from 'happy-dom';

/** Parse HTML as if served from `url`. Scripts, styles and subresources are never run or fetched. */
export function loadPage(html: string, url: string): { document: Document; close: () => void } {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true, disableFallbackToSetURL: true },
    },
  });
  const document = window.document as unknown as Document;
  document.documentElement.innerHTML = '';
  (window.document as unknown as { write(s: string): void }).write(html);
  return { document, close: () => void window.happyDOM.close() };
}
