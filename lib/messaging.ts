/** Typed request/response over runtime messaging, for the content script and extension pages. */
import { browser } from 'wxt/browser';
import type { AnyRequest, Reply, RequestOf, ResponseOf } from './messages';

type RequestType = AnyRequest['type'];

export async function request<T extends RequestType>(message: RequestOf<T>): Promise<ResponseOf<T>> {
  const reply = (await browser.runtime.sendMessage(message)) as Reply<ResponseOf<T>> | undefined;
  if (!reply) throw new Error('Paperlight’s background did not answer');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
