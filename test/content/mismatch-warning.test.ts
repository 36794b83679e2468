// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { showMismatchWarning, type WarningView } from '../../content/injected/mismatch-warning';

const view: WarningView = {
  message: 'This site shows licence 渝B2-20210467, which is registered to 重庆万象优车科技有限公司 for maichetong.com.cn — not for cheap-cars-deal.com.',
  detailsLabel: 'Details',
  dismissLabel: 'Dismiss for this site',
  closeLabel: 'Close',
  lang: 'en',
};
const sendMessage = vi.fn(() => Promise.resolve());

beforeEach(() => {
  document.body.innerHTML = '<header>shop</header><main>cars</main>';
  delete (globalThis as { __licenceCheckWarning?: boolean }).__licenceCheckWarning;
  (globalThis as { chrome?: object }).chrome = { runtime: { sendMessage } };
  sendMessage.mockClear();
});

const host = () => document.querySelector('licence-check-warning') as HTMLElement | null;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the in-page warning', () => {
  it('sits first in the page, in a closed shadow root the page cannot reach, once', () => {
    showMismatchWarning(view);
    showMismatchWarning(view);
    expect(document.querySelectorAll('licence-check-warning')).toHaveLength(1);
    expect(document.body.firstElementChild).toBe(host());
    expect(host()!.shadowRoot).toBeNull();
    expect(document.body.textContent).not.toContain('渝B2-20210467');
  });

  it('comes back when the page removes it or restyles it', async () => {
    showMismatchWarning(view);
    host()!.remove();
    await tick();
    expect(host()).not.toBeNull();
    const style = host()!.getAttribute('style');
    host()!.setAttribute('style', 'display: none');
    await tick();
    expect(host()!.getAttribute('style')).toBe(style);
    expect(style).toContain('display: block !important');
  });
});
