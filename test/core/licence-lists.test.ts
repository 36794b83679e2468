import { describe, expect, it } from 'vitest';
import type { ListEntry } from '../../core/registry/schema';
import { listsInForce, listStanding } from '../../core/verdict/licence-lists';

const entry = (list: ListEntry['list'], from: string, until?: string): ListEntry => ({
  list,
  from,
  ...(until ? { until } : {}),
  authority: '工业和信息化部',
  reason: '',
  source: 'lists.csv',
});

const entries = [
  entry('bad-operators', '2024-03-06', '2025-03-06'),
  entry('dishonest-operators', '2025-01-10'),
  entry('bad-operators', '2026-01-01'),
];

describe('the regulators’ lists on a date', () => {
  it('holds an entry from its from day up to, not including, its until day', () => {
    expect(listsInForce(entries, '2024-03-05')).toEqual([]);
    expect(listsInForce(entries, '2024-03-06')).toEqual(['bad-operators']);
    expect(listsInForce(entries, '2025-03-05')).toEqual(['bad-operators', 'dishonest-operators']);
    expect(listsInForce(entries, '2025-03-06')).toEqual(['dishonest-operators']);
    expect(listsInForce(entries, '2026-01-01')).toEqual(['bad-operators', 'dishonest-operators']);
  });

  it('sorts entries into in force and over, newest first, leaving out those not begun', () => {
    const { current, past } = listStanding(entries, '2025-06-01');
    expect(current.map((e) => [e.list, e.from])).toEqual([['dishonest-operators', '2025-01-10']]);
    expect(past.map((e) => [e.list, e.from])).toEqual([['bad-operators', '2024-03-06']]);
    expect(listStanding(entries, '2026-02-01').current.map((e) => e.from)).toEqual(['2026-01-01', '2025-01-10']);
  });

  it('treats a licence without list entries as on none', () => {
    expect(listsInForce(undefined, '2026-01-01')).toEqual([]);
    expect(listStanding([], '2026-01-01')).toEqual({ current: [], past: [] });
  });
});
