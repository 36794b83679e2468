import { describe, expect, it } from 'vitest';
import { readDates, repairSerials } from '../../core/document/digit-repairs';

const date = (year: number, month: number, day: number) => ({ year, month, day });

describe('dates read from a date field', () => {
  const march5 = date(2022, 3, 5);
  it.each([
    ['2022年3月5日', march5, []],
    ['2022年03月05日', march5, []],
    ['2022 年 03 月 05 日', march5, []],
    ['2022-03-05', march5, []],
    ['2022-3-5', march5, []],
    ['2022/3/5', march5, []],
    ['2022/03/05', march5, []],
    ['2022.03.05', march5, []],
    ['2022.3.5', march5, []],
    ['2022年O3月O5日', march5, ['letters read as digits (O→0)']],
    ['2O22-o3-05', march5, ['letters read as digits (O→0, o→0)']],
    ['2022/3/l5', date(2022, 3, 15), ['letters read as digits (l→1)']],
    ['2022.I0.15', date(2022, 10, 15), ['letters read as digits (I→1)']],
    ['20 22年3月5日', march5, ['spaces inside a number removed']],
    ['2022年0 3月0 5日', march5, ['spaces inside a number removed']],
    ['2022年O3月1 5日', date(2022, 3, 15), ['letters read as digits (O→0)', 'spaces inside a number removed']],
  ])('%s', (text, expected, repairs) => {
    expect(readDates(text)).toEqual({ dates: [expected], repairs });
  });

  it('reads both ends of a validity range', () => {
    expect(readDates('2023年09月01日至2028年08月31日').dates).toEqual([date(2023, 9, 1), date(2028, 8, 31)]);
  });

  it('finds no date in text that is not one', () => {
    expect(readDates('见附页').dates).toEqual([]);
    expect(readDates('2022年').dates).toEqual([]);
  });
});

describe('serials of licence numbers', () => {
  it.each([
    ['经营许可证编号:京B2-2O19O486', '经营许可证编号:京B2-20190486', ['letters read as digits (O→0)']],
    ['粤B2-2O21 0892', '粤B2-2021 0892', ['letters read as digits (O→0)']],
    ['沪B2-20l9I486号', '沪B2-20191486号', ['letters read as digits (l→1, I→1)']],
    ['京B2-20190486', '京B2-20190486', []],
  ])('%s', (line, text, repairs) => {
    expect(repairSerials(line)).toEqual({ text, repairs });
  });

  it('leaves letters alone outside a serial', () => {
    const line = '网站名称:Online Lobby B2-Opinion';
    expect(repairSerials(line)).toEqual({ text: line, repairs: [] });
  });
});
