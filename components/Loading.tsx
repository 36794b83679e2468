import { render } from 'preact';

/**
 * What a page shows until it has read the settings and the registry (seconds, the first time after the
 * browser starts): what the page is, as its heading, in its main landmark, marked busy. Without it a screen
 * reader meets an empty page with no language, and a title that is still `__MSG_…__` (the browser fills
 * those in only in the manifest and CSS, not in HTML).
 */
export function Loading({ title }: { title: string }) {
  return (
    <main aria-busy="true">
      <h1>{title}</h1>
    </main>
  );
}

/** Puts the page in that state at once, in the browser's language, before anything is awaited. */
export function showLoading(app: HTMLElement, title: string, lang: string): void {
  document.documentElement.lang = lang;
  document.title = title;
  render(<Loading title={title} />, app);
}
