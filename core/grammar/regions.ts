// The 31 provincial-level regions whose bureaus issue licences, with the names used to cross-check a
// holder's address or company name, and the alternate single-character names real sites also print.
export interface Region {
  abbr: string;
  names: readonly string[];
}

export const REGIONS: readonly Region[] = [
  { abbr: '京', names: ['北京'] },
  { abbr: '津', names: ['天津'] },
  { abbr: '沪', names: ['上海'] },
  { abbr: '渝', names: ['重庆'] },
  { abbr: '冀', names: ['河北', '石家庄'] },
  { abbr: '晋', names: ['山西', '太原'] },
  { abbr: '蒙', names: ['内蒙古', '呼和浩特'] },
  { abbr: '辽', names: ['辽宁', '沈阳', '大连'] },
  { abbr: '吉', names: ['吉林', '长春'] },
  { abbr: '黑', names: ['黑龙江', '哈尔滨'] },
  { abbr: '苏', names: ['江苏', '南京', '苏州', '无锡'] },
  { abbr: '浙', names: ['浙江', '杭州', '宁波'] },
  { abbr: '皖', names: ['安徽', '合肥'] },
  { abbr: '闽', names: ['福建', '福州', '厦门'] },
  { abbr: '赣', names: ['江西', '南昌'] },
  { abbr: '鲁', names: ['山东', '济南', '青岛'] },
  { abbr: '豫', names: ['河南', '郑州'] },
  { abbr: '鄂', names: ['湖北', '武汉'] },
  { abbr: '湘', names: ['湖南', '长沙'] },
  { abbr: '粤', names: ['广东', '广州', '深圳', '珠海', '东莞'] },
  { abbr: '桂', names: ['广西', '南宁'] },
  { abbr: '琼', names: ['海南', '海口'] },
  { abbr: '川', names: ['四川', '成都'] },
  { abbr: '贵', names: ['贵州', '贵阳'] },
  { abbr: '云', names: ['云南', '昆明'] },
  { abbr: '藏', names: ['西藏', '拉萨'] },
  { abbr: '陕', names: ['陕西', '西安'] },
  { abbr: '甘', names: ['甘肃', '兰州'] },
  { abbr: '青', names: ['青海', '西宁'] },
  { abbr: '宁', names: ['宁夏', '银川'] },
  { abbr: '新', names: ['新疆', '乌鲁木齐'] },
];

const ALTERNATES: Readonly<Record<string, string>> = { 蜀: '川', 黔: '贵', 滇: '云', 陇: '甘', 秦: '陕' };

const CANONICAL_REGION = new Map<string, string>([
  ...REGIONS.map((r): [string, string] => [r.abbr, r.abbr]),
  ...Object.entries(ALTERNATES),
]);

/** The standard abbreviation for a region character (alternates folded), or undefined. */
export function canonicalRegion(ch: string): string | undefined {
  return CANONICAL_REGION.get(ch);
}

/** Regions whose names occur in the text, e.g. a company name or a street address. */
export function regionsNamedIn(text: string): string[] {
  return REGIONS.filter((r) => r.names.some((name) => text.includes(name))).map((r) => r.abbr);
}
