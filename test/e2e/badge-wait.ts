// Reading a verdict off a tab's badge, in either browser: the badge's text and colour, and for `unlisted`
// (no badge text) the tooltip that says so.
import { expect } from 'vitest';
import { BADGES } from '../../core/verdict/badge';
import type { Verdict } from '../../core/verdict/verdict';
import type { Badge } from './chromium';
import { waitFor } from './wait-for';

const UNLISTED_TITLE = 'is not in the licence registry';

export function badgeSays(badge: Badge, verdict: Verdict): boolean {
  const want = BADGES[verdict];
  return verdict === 'unlisted'
    ? badge.text === '' && badge.title.includes(UNLISTED_TITLE)
    : badge.text === want.text && badge.color === want.color;
}

/** Waits until the badge read by `read` says `verdict`, and returns the last badge read either way. */
export function badgeSaying(read: () => Promise<Badge>, verdict: Verdict, timeoutMs = 15_000): Promise<Badge> {
  return waitFor(read, (b) => badgeSays(b, verdict), timeoutMs);
}

export function expectBadge(badge: Badge, verdict: Verdict): void {
  const want = BADGES[verdict];
  expect(badge.text).toBe(want.text);
  if (want.color) expect(badge.color).toBe(want.color);
  else expect(badge.title).toContain(UNLISTED_TITLE);
}
