// What each document in test/fixtures/documents says, as a person reads the certificate, and what its
// scan got wrong. The documents are invented (companies, people, domains) and laid out unlike the seeds:
// numbered, bulleted and tabled service lists, one-paragraph services, site tables, page markers between
// the parts of a value, and the recognition noise the parser must repair.
import type { LicenceIssue } from '../../core/document/parse-licence-document';
import type { Repair, Service, Site } from '../../core/registry/schema';

export interface CorpusDocument {
  issue: LicenceIssue;
  /** The repairs the build must report, without their `source` (the document's own name). */
  repairs: Omit<Repair, 'source'>[];
}

const INFO = '信息服务业务';
const ECOMMERCE = '在线数据处理与交易处理业务';
const info = (restrictions: string, coverage?: string): Service => ({
  code: 'B25',
  name: INFO,
  scope: '仅限互联网信息服务',
  restrictions,
  ...(coverage ? { coverage } : {}),
});
const ecommerce = (restrictions: string, coverage?: string): Service => ({
  code: 'B21',
  name: ECOMMERCE,
  scope: '仅限经营类电子商务',
  restrictions,
  ...(coverage ? { coverage } : {}),
});
const site = (
  kind: Site['kind'],
  name: string,
  domain: string,
  services: string[],
  where: Pick<Site, 'serverLocation' | 'accessProvider'>,
) => ({
  kind,
  name,
  domain,
  services,
  ...where,
});
const lettersForDigits = (letters: string) => `letters read as digits (${letters})`;

const ZHANGJIANG = { serverLocation: '上海市浦东新区张江高科技园区郭守敬路498号', accessProvider: '上海云驿网络服务有限公司' };
const NANSHAN = '广东省深圳市南山区科技园科发路8号';
const YUHANG = '浙江省杭州市余杭区文一西路969号';
const XISHAN = { serverLocation: '江苏省南京市江宁区秣周东路12号溪山数据中心', accessProvider: '南京溪山数据服务有限公司' };
const SHUANGLIU = { serverLocation: '四川省成都市双流区西航港街道空港四路1288号', accessProvider: '成都天府云联网络科技有限公司' };
const LIANGJIANG = { serverLocation: '重庆市两江新区水土高新技术产业园云计算中心', accessProvider: '重庆两江云谷数据有限公司' };
const HULI = { serverLocation: '福建省厦门市湖里区火炬北路16号', accessProvider: '厦门海湾云数据有限公司' };
const LAOSHAN = { serverLocation: '山东省青岛市崂山区株洲路151号', accessProvider: '青岛海纳云计算服务有限公司' };

export const CORPUS: CorpusDocument[] = [
  {
    // Numbered list with restrictions and coverage on their own lines; O for 0 in the number and dates;
    // a server address continued after a page marker and a repeated header; a domain in capitals with 。.
    issue: {
      source: '01-beijing-numbered-list.txt',
      number: '京B2-20231187',
      holder: '北京星河拾光网络科技有限公司',
      legalRepresentative: '周明远',
      issuedOn: '2023-03-15',
      validUntil: '2028-03-14',
      services: [info('不含信息搜索查询服务、信息即时交互服务', '全国'), ecommerce('', '北京市')],
      sites: [
        site('website', '星河拾光', 'xingheshiguang.com.cn', [INFO], {
          serverLocation: '北京市海淀区永丰产业基地丰贤中路7号北京数据中心',
          accessProvider: '北京青云拓扑科技有限公司',
        }),
      ],
    },
    repairs: [
      { field: '经营许可证编号', value: '京B2-20231187', seen: '许可证编号:京B2-2O231187', repair: lettersForDigits('O→0') },
      { field: '发证日期', value: '2023-03-15', seen: '2023年O3月15日', repair: lettersForDigits('O→0') },
      { field: '有效期至', value: '2028-03-14', seen: '2028年O3月14日', repair: lettersForDigits('O→0') },
    ],
  },
  {
    // Holder broken across lines; ISO dates; services and sites as tables; two domains in one cell.
    issue: {
      source: '02-shanghai-tables.txt',
      number: '沪B2-20220356',
      holder: '上海云栖数码信息技术有限公司',
      legalRepresentative: '欧阳晓岚',
      issuedOn: '2022-07-08',
      validUntil: '2027-07-07',
      services: [
        info('不含信息搜索查询服务', '上海市'),
        { code: 'B23', name: '存储转发类业务', scope: '', restrictions: '', coverage: '上海市' },
      ],
      sites: [
        site('website', '云栖数码', 'yunqi-shuma.com.cn', [INFO], ZHANGJIANG),
        site('website', '云栖数码', 'yunqi-shuma.cn', [INFO], ZHANGJIANG),
        site('website', '栖客社区', 'qike-club.cn', [INFO], ZHANGJIANG),
      ],
    },
    repairs: [],
  },
  {
    // Services in one paragraph; dates with slashes; a copy of the number with O and a space in its
    // serial; domains in capitals and followed by ；/。; a store name that lost its first letter.
    issue: {
      source: '03-shenzhen-paragraph.txt',
      number: '粤B2-20210892',
      holder: '深圳市青禾优选电子商务有限公司',
      legalRepresentative: '林嘉禾',
      issuedOn: '2021-06-01',
      validUntil: '2026-05-31',
      services: [ecommerce('', '全国'), info('不含信息搜索查询服务、信息社区平台服务、信息即时交互服务', '广东省')],
      sites: [
        site('website', '青禾优选', 'qinghe-youxuan.com', [ECOMMERCE], {
          serverLocation: NANSHAN,
          accessProvider: '深圳市腾云数据服务有限公司',
        }),
        site('website', '青禾优选', 'qhyx-mall.cn', [ECOMMERCE], { serverLocation: NANSHAN, accessProvider: '深圳市腾云数据服务有限公司' }),
        site('app', '青禾优选', 'api.qinghe-youxuan.com', [ECOMMERCE], {
          serverLocation: NANSHAN,
          accessProvider: '华为应用市场、小米应用商店、App Store',
        }),
      ],
    },
    repairs: [
      { field: '经营许可证编号', value: '粤B2-20210892', seen: '经营许可证编号:粤B2-2O21 0892', repair: lettersForDigits('O→0') },
      {
        field: 'api.qinghe-youxuan.com: 接入服务提供单位',
        value: '华为应用市场、小米应用商店、App Store',
        seen: '华为应用市场、小米应用商店、pp Store',
        repair: 'store name that lost its first letter restored',
      },
    ],
  },
  {
    // Bulleted services (■) on the first page; full-width dates with dots; `- 2 -` page markers; an APP
    // name broken across lines.
    issue: {
      source: '04-hangzhou-bullets.txt',
      number: '浙B2-20200541',
      holder: '杭州木屿文化传媒有限公司',
      legalRepresentative: '沈木屿',
      issuedOn: '2020-11-30',
      validUntil: '2025-11-29',
      services: [
        info('含文化，不含信息搜索查询服务、信息即时交互服务', '浙江省'),
        { code: 'B22', name: '国内多方通信服务业务', scope: '', restrictions: '', coverage: '浙江省' },
      ],
      sites: [
        site('website', '木屿书声', 'muyu-shusheng.cn', [INFO], { serverLocation: YUHANG, accessProvider: '杭州云杉计算有限公司' }),
        site('app', '木屿听书', 'api.muyu-shusheng.cn', [INFO], {
          serverLocation: YUHANG,
          accessProvider: '应用宝、vivo应用商店、App Store',
        }),
      ],
    },
    repairs: [],
  },
  {
    // Services numbered （一）（二）（三） with 服务项目 on its own line; l for 1 and a space inside the
    // day of the issue date; two domains separated by a comma, one in mixed case.
    issue: {
      source: '05-nanjing-chinese-numbering.txt',
      number: '苏B2-20190733',
      holder: '南京溪山数据服务有限公司',
      legalRepresentative: '许清源',
      issuedOn: '2019-12-03',
      validUntil: '2024-12-02',
      services: [
        { code: 'B11', name: '互联网数据中心业务', scope: '', restrictions: '', coverage: '江苏省南京市' },
        { code: 'B14', name: '互联网接入服务业务', scope: '', restrictions: '', coverage: '江苏省南京市、苏州市' },
        info('不含信息搜索查询服务', '江苏省'),
      ],
      sites: [site('website', '溪山云', 'xishan-idc.com.cn', [INFO], XISHAN), site('website', '溪山云', 'xishanyun.cn', [INFO], XISHAN)],
    },
    repairs: [
      {
        field: '发证日期',
        value: '2019-12-03',
        seen: '2019年l2月0 3日',
        repair: `${lettersForDigits('l→1')}; spaces inside a number removed`,
      },
    ],
  },
  {
    // Services in the first page's cell with coverage lines; spaces inside the serial and the issue day;
    // a site's address and access provider continued across a page break (`第 2 页 共 3 页` and the
    // repeated annex header); a domain in capitals followed by a comma; one site under two services.
    issue: {
      source: '06-chengdu-page-breaks.txt',
      number: '川B2-20230215',
      holder: '成都蓉锦智行科技有限公司',
      legalRepresentative: '罗锦川',
      issuedOn: '2023-04-18',
      validUntil: '2028-04-17',
      services: [ecommerce('', '四川省'), info('不含信息即时交互服务', '四川省')],
      sites: [site('website', '蓉锦出行', 'rongjin-zhixing.cn', [ECOMMERCE, INFO], SHUANGLIU)],
    },
    repairs: [{ field: '发证日期', value: '2023-04-18', seen: '2023年4月1 8日', repair: 'spaces inside a number removed' }],
  },
  {
    // Other labels (编号, 经营者名称, 法人代表); validity as a range; a service whose scope excludes
    // internet information; no annex and no sites.
    issue: {
      source: '07-wuhan-validity-range.txt',
      number: '鄂B2-20180127',
      holder: '武汉长帆网络信息服务有限公司',
      legalRepresentative: '秦长帆',
      issuedOn: '2023-09-01',
      validUntil: '2028-08-31',
      services: [
        { code: 'B25', name: INFO, scope: '不含互联网信息服务', restrictions: '', coverage: '湖北省' },
        { code: 'B24', name: '呼叫中心业务', scope: '', restrictions: '', coverage: '湖北省、湖南省' },
      ],
      sites: [],
    },
    repairs: [],
  },
  {
    // Every copy of the number lost its region; services numbered ①②; O for 0 in both dates.
    issue: {
      source: '08-chongqing-region-lost.txt',
      number: '渝B2-20210066',
      holder: '重庆山岚科技有限公司',
      legalRepresentative: '何山岚',
      issuedOn: '2021-10-20',
      validUntil: '2026-10-19',
      services: [info('不含信息搜索查询服务', '重庆市'), ecommerce('不含网络借贷信息中介类的互联网金融业务', '重庆市')],
      sites: [site('website', '山岚旅行', 'shanlan-travel.com.cn', [INFO, ECOMMERCE], LIANGJIANG)],
    },
    repairs: [
      {
        field: '经营许可证编号',
        value: '渝B2-20210066',
        seen: '经营许可证编号:///B2-20210066',
        repair: "region lost in every copy; taken from the holder's name",
      },
      { field: '发证日期', value: '2021-10-20', seen: '2021年1O月2O日', repair: lettersForDigits('O→0') },
      { field: '有效期至', value: '2026-10-19', seen: '2026年1O月19日', repair: lettersForDigits('O→0') },
    ],
  },
  {
    // Site tables continued over a page break with the header row repeated, a website table and an APP
    // table; `第2页/共4页` markers; services numbered `1、`.
    issue: {
      source: '09-xiamen-site-tables.txt',
      number: '闽B2-20200418',
      holder: '厦门鹭岛潮汐信息科技有限公司',
      legalRepresentative: '陈潮汐',
      issuedOn: '2020-06-08',
      validUntil: '2025-06-07',
      services: [info('不含信息搜索查询服务、信息社区平台服务', '福建省')],
      sites: [
        site('website', '鹭岛潮汐', 'ludao-chaoxi.com.cn', [INFO], HULI),
        site('website', '潮汐海鲜', 'chaoxi-seafood.cn', [INFO], HULI),
        site('website', '鹭岛游记', 'ludao-youji.cn', [INFO], { ...HULI, serverLocation: '福建省厦门市思明区软件园二期望海路10号' }),
        site('website', '鹭岛游记', 'ludaoyouji.com.cn', [INFO], { ...HULI, serverLocation: '福建省厦门市思明区软件园二期望海路10号' }),
        site('app', '潮汐', 'app.ludao-chaoxi.com.cn', [INFO], { ...HULI, accessProvider: '华为应用市场、App Store' }),
      ],
    },
    repairs: [],
  },
  {
    // Holder's brackets read as 、; services bulleted (•) with restrictions on their own lines; sites
    // listed under two services, one field with two domains in capitals.
    issue: {
      source: '10-qingdao-two-sections.txt',
      number: '鲁B2-20190318',
      holder: '海蓝信息技术（青岛）有限公司',
      legalRepresentative: '孙海蓝',
      issuedOn: '2024-02-29',
      validUntil: '2029-02-28',
      services: [ecommerce('不含网络借贷信息中介类的互联网金融业务'), info('不含信息搜索查询服务、信息即时交互服务')],
      sites: [
        site('website', '海蓝商城', 'hailan-tech.cn', [ECOMMERCE, INFO], LAOSHAN),
        site('website', '海蓝商城', 'hailan-ocean.com.cn', [ECOMMERCE, INFO], LAOSHAN),
        site('website', '海蓝资讯', 'news.hailan-tech.cn', [INFO], LAOSHAN),
      ],
    },
    repairs: [
      {
        field: '公司名称',
        value: '海蓝信息技术（青岛）有限公司',
        seen: '海蓝信息技术、青岛、有限公司',
        repair: 'brackets read as 、 restored',
      },
    ],
  },
];
