import { expect, it } from 'vitest';
import { BADGES } from '../../core/verdict/badge';

it('gives each verdict the badge text and colour of the contract in DESIGN.md', () => {
  expect(BADGES).toEqual({
    listed: { text: '✓', color: '#16a34a' },
    expiring: { text: '✓', color: '#d97706' },
    expired: { text: '!', color: '#ea580c' },
    revoked: { text: '!', color: '#b91c1c' },
    filed: { text: 'i', color: '#0891b2' },
    mismatch: { text: '✗', color: '#dc2626' },
    claimed: { text: '?', color: '#2563eb' },
    unknown: { text: '?', color: '#6b7280' },
    unlisted: { text: '', color: null },
  });
});
