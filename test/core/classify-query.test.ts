import { describe, expect, it } from 'vitest';
import { QueryError, classifyQuery } from '../../core/lookup/classify-query';

describe('lookup queries', () => {
  it.each([
    ['渝b2 20210467', 'number', '渝B2-20210467'],
    ['  渝Ｂ２－２０２１０４６７ ', 'number', '渝B2-20210467'],
    ['ICP证：粤B2-20090059号', 'number', '粤B2-20090059'],
    ['京ICP备10046444号-9', 'filing', '京ICP备10046444'],
  ])('%s is a %s', (query, type, canonical) => {
    const q = classifyQuery(query);
    expect(q.type).toBe(type);
    expect(q.type === 'number' || q.type === 'filing' ? q.number.canonical : null).toBe(canonical);
  });

  it.each([
    ['https://m.maichetong.com.cn/x?y=1', 'm.maichetong.com.cn'],
    ['etaoche.cn', 'etaoche.cn'],
    ['WWW.Etaoche.CN/path', 'www.etaoche.cn'],
    ['http://shop.example.com:8080/', 'shop.example.com'],
  ])('%s is the host %s', (query, host) => {
    expect(classifyQuery(query)).toEqual({ type: 'host', host });
  });

  it('reads a bare serial and names', () => {
    expect(classifyQuery('2020 0036')).toEqual({ type: 'serial', serial: '20200036' });
    // The digits of an ICP filing number, old (8) and new (10).
    expect(classifyQuery('1004 6444')).toEqual({ type: 'serial', serial: '10046444' });
    expect(classifyQuery('2020012345')).toEqual({ type: 'serial', serial: '2020012345' });
    expect(classifyQuery('懂车帝')).toEqual({ type: 'name', text: '懂车帝' });
    expect(classifyQuery('kwai')).toEqual({ type: 'name', text: 'kwai' });
  });

  it.each(['', '   ', '???', '12', '123456789', '1.2.3.4', 'http://localhost/', 'x'])('rejects %j with a message', (query) => {
    expect(() => classifyQuery(query)).toThrow(QueryError);
  });
});
