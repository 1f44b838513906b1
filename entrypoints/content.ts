import { defineContentScript } from 'wxt/utils/define-content-script';
import { HOST_PATTERNS } from '../lib/adapters';

export default defineContentScript({
  matches: [...HOST_PATTERNS],
  main() {},
});
