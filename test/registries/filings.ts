// ICP filings (备案) beside the bundled licences, for the popup, lookup and end-to-end tests. Fictitious
// operators; the numbers are well formed and no placeholders.
import type { Filing, Registry } from '../../core/registry/schema';

export const FILINGS: Filing[] = [
  {
    number: '京ICP备12025439',
    operator: '北京示例网络科技有限公司',
    nature: '企业',
    sites: [
      { number: '京ICP备12025439-1', name: '示例资讯', domain: 'shili-news.cn' },
      { number: '京ICP备12025439-3', name: '示例社区', domain: 'shili-bbs.cn' },
    ],
    date: '2025-03-12',
    sources: ['filings-2025.jsonl'],
  },
  {
    number: '沪ICP备2021012345',
    operator: '张三',
    nature: '个人',
    sites: [{ number: '沪ICP备2021012345-1', name: '张三的博客', domain: 'zhangsan-blog.cn' }],
    date: '2022-08-15',
    sources: ['filings-2025.jsonl'],
  },
];

/** A registry with these filings added: a newer version, so it can stand in for the bundled one. */
export function withFilings(registry: Registry, version = registry.version): Registry {
  return { ...registry, version, filings: FILINGS };
}
