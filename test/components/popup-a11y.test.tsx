// @vitest-environment happy-dom
// The popup for people who use a screen reader or only the keyboard: one top-level heading in every view,
// the verdict said once when the popup opens, and focus that follows the view.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Popup, type TabView } from '../../components/Popup';
import { ANNOUNCE_DELAY_MS } from '../../components/VerdictSummary';
import { computeVerdict } from '../../core/verdict/verdict';
import { index, memoryRegistry, translator } from './render-helpers';

afterEach(cleanup);

const TODAY = '2026-11-22';
const LOOKUP = 'Look up a licence or ICP filing number, domain or company name';

const fraudTab = (): TabView => ({
  host: 'cheap-cars-deal.com',
  findings: [{ kind: 'licence', canonical: '渝B2-20210467', context: '经营许可证编号：渝B2-20210467', role: 'claim' }],
  registered: ['渝B2-20210467'],
  result: computeVerdict({ host: 'cheap-cars-deal.com', claimedLicenceNumbers: ['渝B2-20210467'], index, today: TODAY }),
});

const popup = (tab: TabView | null, locale: 'en' | 'zh_CN' = 'en') => (
  <Popup
    tab={tab}
    registry={memoryRegistry}
    today={TODAY}
    copy={() => Promise.resolve()}
    openOptions={() => undefined}
    openGuide={() => undefined}
    {...translator(locale)}
  />
);

const topHeadings = () => screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent);

describe('one top-level heading in every view', () => {
  it('the verdict on a web page, with the licence and the lookup under it', () => {
    render(popup(fraudTab()));
    expect(topHeadings()).toEqual(['Borrowed licence number']);
    expect(screen.getByRole('heading', { level: 2, name: '渝B2-20210467' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: LOOKUP })).toBeTruthy();
  });

  it('the lookup when the tab is no web page, and the licence once one is opened', async () => {
    render(popup(null));
    expect(topHeadings()).toEqual([LOOKUP]);
    fireEvent.input(screen.getByLabelText(LOOKUP), { target: { value: '快购' } });
    fireEvent.click(await screen.findByRole('button', { name: /川B2-20200036/ }));
    expect(topHeadings()).toEqual(['川B2-20200036']);
  });
});

describe('the verdict said when the popup opens', () => {
  it('once: a status region, empty when drawn, then the verdict and why, unchanged by later redraws', async () => {
    const { rerender } = render(popup(fraudTab()));
    const region = document.getElementById('verdict-announcement') as HTMLElement;
    expect(region.getAttribute('role')).toBe('status');
    expect(region.textContent).toBe('');
    const changes: string[] = [];
    new MutationObserver(() => changes.push(region.textContent ?? '')).observe(region, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    await waitFor(() => expect(region.textContent).not.toBe(''), { timeout: ANNOUNCE_DELAY_MS + 1_000 });
    expect(region.textContent).toBe(
      'Borrowed licence number. Warning: this page shows licence 渝B2-20210467, which is registered to 重庆万象优车科技有限公司 for other domains, not for cheap-cars-deal.com.',
    );
    // The popup redraws whenever the tab's findings change in storage.
    rerender(popup(fraudTab()));
    rerender(popup(fraudTab()));
    await new Promise((resolve) => setTimeout(resolve, ANNOUNCE_DELAY_MS * 2));
    expect(changes).toHaveLength(1);
  });

  it('in Chinese', async () => {
    render(popup(fraudTab(), 'zh_CN'));
    await waitFor(() => expect(document.getElementById('verdict-announcement')?.textContent).toMatch(/^冒用他人许可证编号。/));
  });
});

describe('focus follows the view', () => {
  it('onto Back when a licence opens; Escape gives it back to the result, with the query and results kept', async () => {
    render(popup(null));
    fireEvent.input(screen.getByLabelText(LOOKUP), { target: { value: '快购' } });
    const result = await screen.findByRole('button', { name: /川B2-20200036/ });
    result.focus();
    fireEvent.click(result);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('← Back'));
    fireEvent.keyDown(document, { key: 'Escape' });
    await waitFor(() => expect(document.activeElement).toBe(result));
    expect((screen.getByLabelText(LOOKUP) as HTMLInputElement).value).toBe('快购');
    expect(within(screen.getByRole('status')).getAllByRole('button')).toHaveLength(1);
  });

  it('onto the lookup field when the licence opened with the popup', async () => {
    render(<Popup {...popup(null).props} initialQuery="川B2-20200036" />);
    const back = await screen.findByRole('button', { name: '← Back' });
    fireEvent.click(back);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(LOOKUP)));
  });
});
