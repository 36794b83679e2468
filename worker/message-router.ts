import type { Browser, browser as extensionApi } from 'wxt/browser';
import { ContentMessageSchema, PageMessageSchema, type ContentMessage, type PageMessage, type UpdateReply } from '../core/messages';
import { said } from '../core/said';
import { webHost } from '../core/tab/tab-state';

type MessageSender = Browser.runtime.MessageSender;

/** A message's sender when it is our own script (content script or injected warning) in a web page in a real tab. */
export interface ContentSender {
  tabId: number;
  /** The tab's position in its window, to open a tab beside it. */
  tabIndex: number | undefined;
  frameId: number;
  url: string;
  host: string;
}

type Handler<M, S, R> = (message: M, sender: S) => R;
export type ContentHandlers = {
  [T in ContentMessage['type']]: Handler<Extract<ContentMessage, { type: T }>, ContentSender, Promise<void> | void>;
};
export type PageHandlers = { [T in PageMessage['type']]: Handler<Extract<PageMessage, { type: T }>, MessageSender, Promise<UpdateReply>> };

/** Every message the worker answers, by who may send it and by type (docs/message-protocol.md). */
export interface MessageHandlers {
  content: Partial<ContentHandlers>;
  pages: Partial<PageHandlers>;
}

function contentSender(sender: MessageSender, ownId: string): ContentSender | null {
  const tabId = sender.tab?.id;
  const host = typeof sender.url === 'string' ? webHost(sender.url) : null;
  if (sender.id !== ownId || typeof tabId !== 'number' || tabId < 0 || typeof sender.frameId !== 'number' || !host) return null;
  return { tabId, tabIndex: sender.tab?.index, frameId: sender.frameId, url: sender.url as string, host };
}

/** The extension's own pages (options, popup, guide), never a web page nor another extension. */
function isOwnPage(sender: MessageSender, ownId: string, ownOrigin: string): boolean {
  return sender.id === ownId && Boolean(sender.url?.startsWith(ownOrigin));
}

/**
 * The worker's one `runtime.onMessage` listener. A message is answered only when its sender is of the kind
 * allowed to send its type and it passes that kind's schema; anything else gets no answer at all. Every
 * answer is a promise (of the handler's reply, or of nothing for content messages).
 */
export function startMessageRouter(browser: typeof extensionApi, handlers: MessageHandlers): void {
  const ownOrigin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender: MessageSender) => {
    const fromContent = contentSender(sender, browser.runtime.id);
    if (fromContent) {
      const parsed = ContentMessageSchema.safeParse(message);
      const handler = parsed.success
        ? (handlers.content[parsed.data.type] as Handler<ContentMessage, ContentSender, Promise<void> | void> | undefined)
        : undefined;
      return handler && parsed.data ? Promise.resolve(handler(parsed.data, fromContent)).then(() => undefined) : undefined;
    }
    if (isOwnPage(sender, browser.runtime.id, ownOrigin)) {
      const parsed = PageMessageSchema.safeParse(message);
      const handler = parsed.success
        ? (handlers.pages[parsed.data.type] as Handler<PageMessage, MessageSender, Promise<UpdateReply>> | undefined)
        : undefined;
      return handler && parsed.data
        ? handler(parsed.data, sender).catch((error: unknown): UpdateReply => ({ ok: false, said: said('reply_failed', String(error)) }))
        : undefined;
    }
    return undefined;
  });
}
