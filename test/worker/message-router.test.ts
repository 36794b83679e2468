import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startMessageRouter } from '../../worker/message-router';

const OWN = fakeBrowser.runtime.id;
const page = { id: OWN, url: fakeBrowser.runtime.getURL('/options.html' as never) };
const content = { id: OWN, tab: { id: 3, index: 2 }, frameId: 0, url: 'https://shop.example.cn/item' };
const finding = { kind: 'licence', canonical: '浙B2-20250003', context: 'ICP证：浙B2-20250003', role: 'claim' };

const findings = vi.fn();
const dismissWarning = vi.fn();
const checkUpdates = vi.fn(async () => ({ ok: true, said: { key: 'reply_no_address', subs: [] } }));
const importRegistry = vi.fn(async () => {
  throw new Error('store gone');
});

async function send(message: unknown, sender: object) {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger(message, sender as never);
  return reply;
}

beforeEach(() => {
  fakeBrowser.reset();
  for (const handler of [findings, dismissWarning, checkUpdates, importRegistry]) handler.mockClear();
  startMessageRouter(fakeBrowser as never, { content: { findings, dismissWarning }, pages: { checkUpdates, importRegistry } });
});

describe('the message router', () => {
  it('hands a content message from our script in a web page to its handler, with who sent it', async () => {
    await send({ type: 'findings', findings: [finding] }, content);
    expect(findings).toHaveBeenCalledWith(
      { type: 'findings', findings: [finding] },
      { tabId: 3, tabIndex: 2, frameId: 0, url: content.url, host: 'shop.example.cn' },
    );
    await send({ type: 'dismissWarning' }, { ...content, frameId: 2 });
    expect(dismissWarning).toHaveBeenCalledTimes(1);
  });

  it('answers nothing to a content message from anyone but our script in a real tab on a web page', async () => {
    const message = { type: 'findings', findings: [finding] };
    for (const sender of [
      { ...content, id: 'another-extension' },
      { ...content, tab: undefined },
      { ...content, tab: { id: -1 } },
      { ...content, frameId: undefined },
      { ...content, url: 'file:///home/me/page.html' },
      page,
    ]) {
      expect(await send(message, sender)).toBeUndefined();
    }
    expect(findings).not.toHaveBeenCalled();
  });

  it('drops a content message that fails its schema, or has no handler', async () => {
    await send({ type: 'findings', findings: [{ ...finding, canonical: '浙B2-2025' }] }, content);
    await send({ type: 'findings', findings: [{ ...finding, role: 'owner' }] }, content);
    await send({ type: 'openDetails' }, content);
    expect(findings).not.toHaveBeenCalled();
  });

  it("answers an extension page's message with its handler's reply, and a failure as a refusal", async () => {
    expect(await send({ type: 'checkUpdates' }, page)).toEqual({ ok: true, said: { key: 'reply_no_address', subs: [] } });
    const staged = '0b7f5a53-4c55-4b7e-9a55-6a1d2f0e9c11';
    expect(await send({ type: 'importRegistry', staged, signature: 'sig' }, page)).toEqual({
      ok: false,
      said: { key: 'reply_failed', subs: ['Error: store gone'] },
    });
    expect(importRegistry).toHaveBeenCalledWith({ type: 'importRegistry', staged, signature: 'sig' }, page);
  });

  it('answers nothing to page messages from web pages, other extensions, or in the wrong shape', async () => {
    expect(await send({ type: 'checkUpdates' }, content)).toBeUndefined();
    expect(
      await send({ type: 'checkUpdates' }, { id: 'another-extension', url: 'chrome-extension://another-extension/options.html' }),
    ).toBeUndefined();
    expect(await send({ type: 'checkUpdates' }, { id: OWN, url: 'https://evil.example/options.html' })).toBeUndefined();
    expect(await send({ type: 'importRegistry', staged: '../../etc', signature: 'x' }, page)).toBeUndefined();
    expect(await send({ type: 'findings', findings: [] }, page)).toBeUndefined();
    expect(checkUpdates).not.toHaveBeenCalled();
    expect(importRegistry).not.toHaveBeenCalled();
  });
});
