// Injected (scripting.executeScript) into a page whose verdict is `mismatch`, and nowhere else. It runs in
// the extension's isolated world, so it is serialised on its own: no imports, nothing from outside.

export interface WarningView {
  /** One sentence: what is wrong. */
  message: string;
  detailsLabel: string;
  dismissLabel: string;
  closeLabel: string;
  lang: string;
}

/**
 * Shows the warning over the top of the page, in a closed shadow root with its own styles, and puts it
 * back if the page removes or restyles it. It is fixed, not in the flow, so nothing of the page moves (on a
 * large page, pushing the content down would lay the whole page out again), and the reader closes it with ×.
 * Idempotent.
 */
export function showMismatchWarning(view: WarningView): void {
  const global = globalThis as unknown as {
    __licenceCheckWarning?: boolean;
    chrome?: { runtime: { sendMessage(m: object): Promise<unknown> } };
    browser?: { runtime: { sendMessage(m: object): Promise<unknown> } };
  };
  const runtime = (global.browser ?? global.chrome)?.runtime;
  if (global.__licenceCheckWarning || !runtime) return;
  global.__licenceCheckWarning = true;

  const host = document.createElement('licence-check-warning');
  const hostStyle =
    'all: initial !important; display: block !important; position: fixed !important; top: 0 !important; left: 0 !important; right: 0 !important; z-index: 2147483647 !important; visibility: visible !important; opacity: 1 !important; transform: none !important; clip-path: none !important; filter: none !important;';
  host.setAttribute('style', hostStyle);
  const shadow = host.attachShadow({ mode: 'closed' });
  shadow.innerHTML = `<style>
    :host { all: initial; }
    .bar { box-sizing: border-box; display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center;
      padding: 10px 14px; background: #fef2f2; color: #7f1d1d; border-bottom: 3px solid #dc2626;
      font: 14px/1.45 system-ui, 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif; }
    .mark { flex: none; display: inline-grid; place-items: center; width: 24px; height: 24px; border-radius: 50%;
      background: #dc2626; color: #fff; font-weight: 700; }
    p { margin: 0; flex: 1 1 320px; font-weight: 600; }
    button { font: inherit; padding: 3px 10px; border: 1px solid #b91c1c; border-radius: 6px; background: #fff; color: #7f1d1d; cursor: pointer; }
    button:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
  </style>
  <div class="bar" role="alert" lang="">
    <span class="mark" aria-hidden="true">✗</span><p></p>
    <button type="button" data-action="details"></button>
    <button type="button" data-action="dismiss"></button>
    <button type="button" data-action="close" aria-label=""></button>
  </div>`;
  const bar = shadow.querySelector('.bar') as HTMLElement;
  bar.lang = view.lang;
  (shadow.querySelector('p') as HTMLElement).textContent = view.message;
  const button = (action: string) => shadow.querySelector(`[data-action="${action}"]`) as HTMLButtonElement;
  button('details').textContent = view.detailsLabel;
  button('dismiss').textContent = view.dismissLabel;
  button('close').textContent = '×';
  button('close').setAttribute('aria-label', view.closeLabel);

  let removed = false;
  const observer = new MutationObserver(() => {
    if (removed) return;
    if (host.getAttribute('style') !== hostStyle) host.setAttribute('style', hostStyle);
    // Put back if taken out; where the page moves other things is its own business (no tug of war).
    if (host.parentNode !== document.body) document.body.prepend(host);
  });
  const remove = () => {
    removed = true;
    observer.disconnect();
    host.remove();
  };
  button('details').addEventListener('click', () => void runtime.sendMessage({ type: 'openDetails' }).catch(() => undefined));
  button('dismiss').addEventListener('click', () => {
    remove();
    void runtime.sendMessage({ type: 'dismissWarning' }).catch(() => undefined);
  });
  button('close').addEventListener('click', remove);

  document.body.prepend(host);
  observer.observe(document.body, { childList: true });
  observer.observe(host, { attributes: true });
}
