import { defineContentScript } from 'wxt/utils/define-content-script';
import { HOST_PATTERNS } from '../lib/adapters';
import { startContentScript } from '../lib/content/start';

export default defineContentScript({
  matches: [...HOST_PATTERNS],
  runAt: 'document_idle',
  main: startContentScript,
});
