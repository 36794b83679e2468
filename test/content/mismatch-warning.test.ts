// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { showMismatchWarning, type WarningView } from '../../content/injected/mismatch-warning';

const view: WarningView = {
  message:
    'This site shows licence 渝B2-20210467, which is registered to 重庆万象优车科技有限公司 for maichetong.com.cn — not for cheap-cars-deal.com.',
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

describe('code injected into pages', () => {
  it('imports nothing: only types may come from outside the file', () => {
    const source = readFileSync(join(process.cwd(), 'content/injected/mismatch-warning.ts'), 'utf8');
    const imports = source.split('\n').filter((line) => /^\s*(import|export .* from)\b/.test(line) || /\brequire\(|\bimport\(/.test(line));
    expect(imports.filter((line) => !/^\s*import type\b/.test(line))).toEqual([]);
  });

  it('works when serialised alone, as scripting.executeScript sends it', () => {
    // Only the function's own text travels: any name it took from its module would be undefined here.
    const alone = new Function(`return (${showMismatchWarning.toString()})`)() as typeof showMismatchWarning;
    alone(view);
    expect(host()).not.toBeNull();
    expect(document.body.firstElementChild).toBe(host());
  });
});
