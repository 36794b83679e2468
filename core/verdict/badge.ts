import type { Verdict } from './verdict';

/** The badge for each verdict, as DESIGN.md's verdict table fixes it. `unlisted` shows no badge. */
export const BADGES: Readonly<Record<Verdict, { text: string; color: string | null }>> = {
  listed: { text: '✓', color: '#16a34a' },
  expiring: { text: '✓', color: '#d97706' },
  expired: { text: '!', color: '#ea580c' },
  revoked: { text: '!', color: '#b91c1c' },
  filed: { text: 'i', color: '#0891b2' },
  mismatch: { text: '✗', color: '#dc2626' },
  claimed: { text: '?', color: '#2563eb' },
  unknown: { text: '?', color: '#6b7280' },
  unlisted: { text: '', color: null },
};
