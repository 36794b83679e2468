// The page corpus: realistic pages, each served under its own host, with the badge verdict it must show.
// Known hosts (a licence in the e2e registry lists them) expect the registry's answer whatever the page
// shows; unknown hosts expect what their own claims make of them, never what their content mentions.
import type { Verdict } from '../../core/verdict/verdict';

export interface CorpusPage {
  /** File in test/corpus/pages/. */
  file: string;
  /** Host it is served under (punycode for an IDN host; '127.0.0.1' for the one IP-address page). */
  host: string;
  /** What the page is, used as the test name. */
  name: string;
  /** The badge verdict when the page is the top-level page; `{ registry: number }` = listed/expiring/expired/revoked from that licence. */
  expected: Verdict | { registry: string };
  /** Pages only embedded as frames by other pages; never visited top-level by the tests. */
  embeddedOnly?: boolean;
  /** In the smaller Firefox subset (pick about 12 representative pages, including fraud ones and one with a cross-site frame). */
  firefox?: boolean;
}

const GROUP = { registry: '浙B2-20250003' };

export const CORPUS: readonly CorpusPage[] = [
  // --- Known hosts: the registry decides -----------------------------------------------------------
  {
    file: 'shili-portal.html',
    host: 'www.shili.cn',
    name: 'group portal, footer with the group, payment and a third company licence among 9 permits',
    expected: GROUP,
    firefox: true,
  },
  {
    file: 'shili-mobile-car-channel.html',
    host: 'm.shili.cn',
    name: 'known host whose footer also shows a partner licence that lists other domains (渝B2-20210467)',
    expected: GROUP,
  },
  {
    file: 'shili-life-store-map.html',
    host: 'life.shili.cn',
    name: 'listed site embedding a cross-site map widget',
    expected: GROUP,
  },
  {
    file: 'shili-mall-home.html',
    host: 'www.shili-mall.cn',
    name: 'shop listed by a valid and an expired licence, with a same-site recommendation frame',
    expected: GROUP,
  },
  {
    file: 'shili-mall-recommend-frame.html',
    host: 'static.shili-mall.cn',
    name: 'same-site recommendation frame whose stale footer shows the expired group licence',
    expected: GROUP,
    embeddedOnly: true,
  },
  {
    file: 'shili-mall-mobile-old-licence.html',
    host: 'm.shili-mall.cn',
    name: 'mobile product page still showing the expired old licence; the valid one listing the shop decides',
    expected: GROUP,
  },
  {
    file: 'shili-pay.html',
    host: 'www.shili-pay.cn',
    name: 'payment company, cross-regional licence without region, payment permit digits in the footer',
    expected: { registry: 'B2-20250004' },
  },
  {
    file: 'shili-video-home.html',
    host: 'www.shili-video.cn',
    name: 'video site footer mixing companies and forms: 沪ICP证 label, old ICP证, payment licence, broadcast permits',
    expected: { registry: '沪B2-20250005' },
  },
  {
    file: 'shili-video-player.html',
    host: 'player.shili-video.cn',
    name: 'embeddable video player with its own copyright line',
    expected: { registry: '沪B2-20250005' },
    embeddedOnly: true,
  },
  {
    file: 'shili-news-article.html',
    host: 'www.shili-news.cn',
    name: 'listed news portal article reporting on another company licence, long portal footer',
    expected: { registry: '京B2-20250006' },
  },
  {
    file: 'shili-news-mobile-table.html',
    host: 'm.shili-news.cn',
    name: 'listed mobile news article with a table of revoked licences and no licence in its footer',
    expected: { registry: '京B2-20250006' },
  },
  {
    file: 'shili-map-home.html',
    host: 'www.shili-map.cn',
    name: 'map site with an en dash inside its licence number',
    expected: { registry: '粤B2-20250007' },
  },
  {
    file: 'shili-map-widget.html',
    host: 'widget.shili-map.cn',
    name: 'embeddable map widget with its own copyright line',
    expected: { registry: '粤B2-20250007' },
    embeddedOnly: true,
  },
  {
    file: 'shili-bbs-discuz-thread.html',
    host: 'bbs.shili-bbs.cn',
    name: 'forum with an expired licence: 45-post Discuz thread asking about another licence number',
    expected: { registry: '京B2-20250008' },
    firefox: true,
  },
  {
    file: 'shili-cloud-home.html',
    host: 'www.shili-cloud.cn',
    name: 'foreign-invested cloud company close to renewal, 合字 licences in a CSS-module footer',
    expected: { registry: '合字B2-20250011' },
    firefox: true,
  },
  {
    file: 'sugou-revoked-shop.html',
    host: 'www.sugou-shili.cn',
    name: 'shop whose licence was revoked two months ago, still showing the number in its footer',
    expected: { registry: '粤B2-20250013' },
  },
  {
    file: 'tuangou-cancelled-home.html',
    host: 'm.tuangou-shili.cn',
    name: 'mobile group-buying site whose licence is cancelled from today, number in a copyright block',
    expected: { registry: '苏B2-20250014' },
  },

  // --- A host only an ICP filing lists ----------------------------------------------------------------
  {
    file: 'filed-only-xiaozhan.html',
    host: 'www.shili-xiaozhan.cn',
    name: 'personal-style reading blog of a company that holds no licence, listed only by its ICP filing',
    expected: 'filed',
    firefox: true,
  },

  // --- Unknown hosts claiming a number the registry lacks ---------------------------------------------
  {
    file: 'tianxia-portal-unknown.html',
    host: 'www.tianxia-zixun.cn',
    name: 'div-soup portal footer with 9 permits and a licence the registry lacks',
    expected: 'unknown',
    firefox: true,
  },
  {
    file: 'jiankang-health-unknown.html',
    host: 'www.jiankang-baike.com.cn',
    name: 'health site claiming only an old spaced 京 ICP 证 number, with drug information permits',
    expected: 'unknown',
  },
  {
    file: 'huaren-traditional-unknown.html',
    host: 'www.huaren-haowu.com',
    name: 'traditional-character footer labels (增值電信業務經營許可證, 經營許可證編號) on an unknown shop',
    expected: 'unknown',
  },
  {
    file: 'caijing-news-own-claim.html',
    host: 'news.caijing-zaixian.com',
    name: 'news article mentioning two expired registry licences; its own footer claims one the registry lacks',
    expected: 'unknown',
  },
  {
    file: 'ip-address-company.html',
    host: '127.0.0.1',
    name: 'small company site on an IP address, licence with a hyphen (‐) in trailing text after the content',
    expected: 'unknown',
  },
  {
    file: 'yingping-blog-player-frame.html',
    host: 'www.yingping-xiaozhan.cn',
    name: 'film blog embedding a cross-site video player; its own footer claims a number the registry lacks',
    expected: 'unknown',
  },

  // --- Unknown hosts with mentions only -----------------------------------------------------------------
  {
    file: 'lvyou-blog-map-frame.html',
    host: 'www.lvyou-biji.cn',
    name: 'travel blog embedding a cross-site map widget, own footer with filings only',
    expected: 'unlisted',
    firefox: true,
  },
  {
    file: 'xinwen-news-mention.html',
    host: 'www.xinwen-kuaibao.cn',
    name: 'news article (TRS_Editor body) reporting on borrowed licence numbers, long footer without a licence',
    expected: 'unlisted',
    firefox: true,
  },
  {
    file: 'chezhu-discuz-thread.html',
    host: 'bbs.chezhu-luntan.cn',
    name: '42-post Discuz thread asking whether 渝B2-20210467 is real, number in early posts and a quote',
    expected: 'unlisted',
  },
  {
    file: 'fangpian-modern-thread.html',
    host: 'www.fangpian-quan.cn',
    name: 'div-based community thread with nested comments and a blockquote of a phishing footer',
    expected: 'unlisted',
  },
  {
    file: 'wenda-qa-answers.html',
    host: 'wenda.zhishi-hezi.com',
    name: 'Q&A question and answers quoting several companies licence numbers',
    expected: 'unlisted',
  },
  {
    file: 'gov-revocation-table.html',
    host: 'txglj.shili-sheng.gov.cn',
    name: 'regulator announcement (TRS_Editor) with a table of cancelled and revoked licences',
    expected: 'unlisted',
    firefox: true,
  },
  {
    file: 'gov-zoom-notice-list.html',
    host: 'jxj.shili-shi.gov.cn',
    name: 'government notice (div#zoom) listing borrowed numbers, one in full-width characters',
    expected: 'unlisted',
  },
  {
    file: 'blog-licence-list.html',
    host: 'www.wangzhan-zhinan.net',
    name: 'docs-style blog post listing licence number spellings of several companies',
    expected: 'unlisted',
  },
  {
    file: 'weiquan-blockquote-comments.html',
    host: 'www.weiquan-riji.cn',
    name: 'victim story quoting a fraud footer in a blockquote, comments naming more numbers',
    expected: 'unlisted',
  },
  {
    file: 'filing-article-mention.html',
    host: 'www.beian-zhishi.cn',
    name: 'how-to article quoting a registry filing number as an example; its own footer shows a filing the registry lacks',
    expected: 'unlisted',
  },
  {
    file: 'b2b-digit-runs.html',
    host: 'www.caigou-b2b.cn',
    name: 'B2B order page: B2B-20240101 campaign, order, invoice, phone and tracking numbers, dates; licence 办理中',
    expected: 'unlisted',
  },

  // --- Fraud copies on unknown hosts ---------------------------------------------------------------
  {
    file: 'fraud-group-footer.html',
    host: 'www.cheap-shili-mall.com',
    name: 'fraud shop copying the group footer (浙B2-20250003 and B2-20250004)',
    expected: 'mismatch',
    firefox: true,
  },
  {
    file: 'fraud-portal-footer.html',
    host: 'm.shili-news.cn.redian-toutiao.top',
    name: 'stock-tip scam under a look-alike host, copying the news portal footer',
    expected: 'mismatch',
  },
  {
    file: 'fraud-divsoup-footer.html',
    host: 'www.maichetong-ershouche.com',
    name: 'used-car deposit scam with a div#ft / div.bottom_box footer borrowing 渝B2-20210467',
    expected: 'mismatch',
  },
  {
    file: 'fraud-emdash.html',
    host: 'www.dongche-youhui.cn',
    name: 'car group-buy scam, em dash inside the borrowed number, 备案-named footer block',
    expected: 'mismatch',
  },
  {
    file: 'fraud-split-spans.html',
    host: 'm.kuaigou-tehui.com',
    name: 'second-hand phone scam with the borrowed number split across spans',
    expected: 'mismatch',
    firefox: true,
  },
  {
    file: 'fraud-br-in-number.html',
    host: 'www.chegugu.cn',
    name: 'car valuation scam, <br> inside the borrowed number in a narrow footer column',
    expected: 'mismatch',
  },
  {
    file: 'fraud-nbsp-in-number.html',
    host: 'www.taoche-zhijia.com',
    name: 'table-layout used-car site, &nbsp; inside the borrowed expired number',
    expected: 'mismatch',
  },
  {
    file: 'fraud-fullwidth.html',
    host: 'www.shili-yun.com',
    name: 'cloud reseller scam, borrowed 合字 licence in full-width characters',
    expected: 'mismatch',
  },
  {
    file: 'fraud-late-footer.html',
    host: 'kefu.shili-pay-help.com',
    name: 'payment phishing page whose footer with the borrowed licence is added 1.5 s after load',
    expected: 'mismatch',
  },
  {
    file: 'fraud-shadow-footer.html',
    host: 'vip.shili-video-vip.cn',
    name: 'VIP card scam whose footer sits in an open shadow root',
    expected: 'mismatch',
    firefox: true,
  },
  {
    file: 'fraud-claimed-no-domains.html',
    host: 'www.dongchedi-tuangou.cn',
    name: 'group-buy scam borrowing 渝B2-20230001, a licence that lists no domains',
    expected: 'claimed',
    firefox: true,
  },
  {
    file: 'fraud-idn-host.html',
    host: 'xn--fsqp3lt7b0z0d.xn--fiqs8s',
    name: 'IDN host 示例商城.中国 copying the shop footer',
    expected: 'mismatch',
  },
  {
    file: 'fraud-traditional-labels.html',
    host: 'www.shili-news-hk.com',
    name: 'traditional-character footer labels borrowing the news portal licence',
    expected: 'mismatch',
  },
  {
    file: 'fraud-same-site-frame-top.html',
    host: 'www.xiaodian-tuan.com',
    name: 'checkout page whose own footer has a filing only, with a same-site cashier frame claiming B2-20250004',
    expected: 'mismatch',
    firefox: true,
  },
  {
    file: 'fraud-same-site-frame-checkout.html',
    host: 'pay.xiaodian-tuan.com',
    name: 'cashier frame claiming the payment company licence',
    expected: 'mismatch',
    embeddedOnly: true,
  },
  {
    file: 'fraud-filing-footer.html',
    host: 'vip.shili-xiaozhan-huiyuan.com',
    name: 'membership-fee scam copying the blog’s ICP filing number (no licence) into its 备案 block',
    expected: 'mismatch',
    firefox: true,
  },
  {
    file: 'fraud-typographic-dashes.html',
    host: 'shili-video.cn.vip-yingshi.xyz',
    name: 'pirate app page copying the video footer with ‐ and － inside the numbers',
    expected: 'mismatch',
  },
];
