import { defineWebExtConfig } from 'wxt';

// `wxt` dev mode would otherwise try to launch a browser, which crashes on a closed network.
export default defineWebExtConfig({ disabled: true });
