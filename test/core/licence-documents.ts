// What each licence document in data/licences says, read by a person from the scans (not from the
// parser's output). The parser and the registry tests compare against these.
import type { LicenceIssue } from '../../core/document/parse-licence-document';
import type { Service, Site } from '../../core/registry/schema';

const B21_ECOMMERCE: Service = {
  code: 'B21',
  name: '在线数据处理与交易处理业务',
  scope: '仅限经营类电子商务',
  restrictions: '不含网络借贷信息中介类的互联网金融业务',
};
const B25_INTERNET_INFO: Service = {
  code: 'B25',
  name: '信息服务业务',
  scope: '仅限互联网信息服务',
  restrictions: '不含信息搜索查询服务、信息即时交互服务',
};
const BOTH = ['在线数据处理与交易处理业务', '信息服务业务'];
const BOTH_INFO_FIRST = ['信息服务业务', '在线数据处理与交易处理业务'];

const CHONGQING_2022 = {
  serverLocation: '重庆市渝北区新牌坊龙湖花园旁电信传输大楼10、11层',
  accessProvider: '中联云港数据科技股份有限公司',
};
const LANGFANG = '河北省廊坊市安次区云起道与富文道交叉口万国6号数据中心';
const VOLCANO = '北京火山引擎科技有限公司';
const CHENGDU = {
  serverLocation: '四川省成都高新区益州大道1666号中国电信中国西部信息中心1层',
  accessProvider: '腾讯云计算（北京）有限责任公司',
};

export const DONGCHEDI_2023: LicenceIssue = {
  source: '000_4b3bb27f7b78dd11.txt',
  number: '渝B2-20230001',
  holder: '重庆懂车帝科技有限公司',
  legalRepresentative: '李鑫',
  issuedOn: '2023-12-07',
  validUntil: '2028-12-07',
  services: [B21_ECOMMERCE, B25_INTERNET_INFO],
  sites: [],
};

export const WANXIANG_2022_SITES: Site[] = [
  { kind: 'website', name: '卖车通', domain: 'maichetong.com.cn', services: BOTH, ...CHONGQING_2022 },
  { kind: 'website', name: '四轮引擎', domain: 'autoengine.com', services: BOTH, ...CHONGQING_2022 },
];

export const WANXIANG_2022: LicenceIssue = {
  source: '001_1f9b954c97a53acf.txt',
  number: '渝B2-20210467',
  holder: '重庆万象优车科技有限公司',
  legalRepresentative: '李飞',
  issuedOn: '2022-10-31',
  validUntil: '2026-10-20',
  services: [B21_ECOMMERCE, B25_INTERNET_INFO],
  sites: WANXIANG_2022_SITES,
};

export const WANXIANG_2026: LicenceIssue = {
  source: '002_7a435923dd1aee64.txt',
  number: '渝B2-20210467',
  holder: '重庆万象优车科技有限公司',
  legalRepresentative: '马骏',
  issuedOn: '2026-05-20',
  validUntil: '2026-10-20',
  services: [B25_INTERNET_INFO, B21_ECOMMERCE],
  sites: [
    {
      kind: 'website',
      name: '卖车通',
      domain: 'maichetong.com.cn',
      services: BOTH_INFO_FIRST,
      serverLocation: LANGFANG,
      accessProvider: VOLCANO,
    },
    {
      kind: 'website',
      name: '巨懂车',
      domain: 'autoengine.com',
      services: BOTH_INFO_FIRST,
      serverLocation: LANGFANG,
      accessProvider: VOLCANO,
    },
    {
      kind: 'website',
      name: '懂车帝网站',
      domain: 'dongchedi.com',
      services: BOTH_INFO_FIRST,
      serverLocation: LANGFANG,
      accessProvider: VOLCANO,
    },
    {
      kind: 'app',
      name: '巨懂车',
      domain: 'autoengine.com',
      services: BOTH_INFO_FIRST,
      serverLocation: LANGFANG,
      accessProvider: '小米应用商店、应用宝、vivo应用商店、oppo应用商店、华为应用商店、App Store',
    },
    {
      kind: 'app',
      name: '懂车帝',
      domain: 'dcarapi.com',
      services: BOTH_INFO_FIRST,
      serverLocation: LANGFANG,
      accessProvider: 'App Store、华为/鸿蒙、荣耀、oppo等应用商城',
    },
  ],
};

export const TAOCHE_2020: LicenceIssue = {
  source: '003_53fe3f07be8b4b57.txt',
  number: '京B2-20190486',
  holder: '北京淘车科技有限公司',
  legalRepresentative: '王剑炜',
  issuedOn: '2020-01-08',
  validUntil: '2024-03-06',
  services: [
    {
      code: 'B25',
      name: '信息服务业务',
      scope: '仅限互联网信息服务',
      restrictions: '不含信息搜索查询服务、信息社区服务、信息即时交互服务和信息保护和加工处理服务',
    },
  ],
  sites: [
    {
      kind: 'website',
      name: '淘车二手车',
      domain: 'etaoche.cn',
      services: ['信息服务业务'],
      serverLocation: '北京市朝阳区酒仙桥东路1号院5号楼3层',
      accessProvider: '北京世纪互联宽带数据中心有限公司',
    },
  ],
};

export const KUAIGOU_2022: LicenceIssue = {
  source: '004_8e0e6486c24e04c5.txt',
  number: '川B2-20200036',
  holder: '成都快购科技有限公司',
  legalRepresentative: '杨远熙',
  issuedOn: '2022-09-29',
  validUntil: '2025-01-21',
  services: [B21_ECOMMERCE, { ...B25_INTERNET_INFO, restrictions: '含文化，不含信息搜索查询服务、信息即时交互服务' }],
  sites: [
    { kind: 'website', name: '成都快购科技有限公司', domain: 'kwaigobuy.com', services: BOTH, ...CHENGDU },
    { kind: 'website', name: '成都快购科技有限公司', domain: 'kwaixiaodian.com', services: BOTH, ...CHENGDU },
  ],
};

export const ALL_ISSUES = [DONGCHEDI_2023, WANXIANG_2022, WANXIANG_2026, TAOCHE_2020, KUAIGOU_2022];
