import { describe, expect, it } from 'vitest';
import { latestNames, latestRecords, type NameRow } from '../../storage/latest-in-chunks';

const r = (number: string, form: string) => ({ number, form });

describe('reading records a delta appended over', () => {
  it('takes the latest chunk naming a number, whatever order the chunks come in, and keeps a changed record in its first place', () => {
    const chunks = [
      { seq: 9, records: [r('B', 'b2')], retired: ['C'] },
      { seq: 0, records: [r('A', 'a1'), r('B', 'b1'), r('C', 'c1')] },
      { seq: 4, records: [r('C', 'c2'), r('D', 'd1')] },
      { seq: 12, records: [r('C', 'c3')] },
    ];
    expect(latestRecords(chunks)).toEqual([r('A', 'a1'), r('B', 'b2'), r('C', 'c3'), r('D', 'd1')]);
    expect(latestRecords(chunks.slice(0, 3))).toEqual([r('A', 'a1'), r('B', 'b2'), r('D', 'd1')]);
  });

  it("drops a retired licence's earlier names and puts its new ones where its first name was", () => {
    const row = (key: string, number: string, holder: 0 | 1 = 0): NameRow => [key, number, holder];
    const chunks = [
      { seq: 0, records: [row('甲公司', 'A', 1), row('甲网', 'A'), row('乙公司', 'B', 1)] },
      { seq: 1, records: [row('乙网', 'B'), row('丙公司', 'C', 1)] },
      { seq: 2, records: [row('甲新名', 'A', 1)], retired: ['A', 'C'] },
      { seq: 3, records: [row('丁公司', 'D', 1)] },
    ];
    expect(latestNames(chunks)).toEqual([row('甲新名', 'A', 1), row('乙公司', 'B', 1), row('乙网', 'B'), row('丁公司', 'D', 1)]);
  });
});
