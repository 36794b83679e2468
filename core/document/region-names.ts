// Names that tie a company name or address to a region, for cross-checking a licence number's region:
// the province or municipality and its main cities.
const REGION_NAMES: Readonly<Record<string, readonly string[]>> = {
  京: ['北京'],
  津: ['天津'],
  沪: ['上海'],
  渝: ['重庆'],
  冀: ['河北', '石家庄'],
  晋: ['山西', '太原'],
  蒙: ['内蒙古', '呼和浩特'],
  辽: ['辽宁', '沈阳', '大连'],
  吉: ['吉林', '长春'],
  黑: ['黑龙江', '哈尔滨'],
  苏: ['江苏', '南京', '苏州', '无锡'],
  浙: ['浙江', '杭州', '宁波'],
  皖: ['安徽', '合肥'],
  闽: ['福建', '福州', '厦门'],
  赣: ['江西', '南昌'],
  鲁: ['山东', '济南', '青岛'],
  豫: ['河南', '郑州'],
  鄂: ['湖北', '武汉'],
  湘: ['湖南', '长沙'],
  粤: ['广东', '广州', '深圳', '珠海', '东莞'],
  桂: ['广西', '南宁'],
  琼: ['海南', '海口'],
  川: ['四川', '成都'],
  贵: ['贵州', '贵阳'],
  云: ['云南', '昆明'],
  藏: ['西藏', '拉萨'],
  陕: ['陕西', '西安'],
  甘: ['甘肃', '兰州'],
  青: ['青海', '西宁'],
  宁: ['宁夏', '银川'],
  新: ['新疆', '乌鲁木齐'],
};

/** Regions whose names occur in the text, e.g. a company name or a street address. */
export function regionsNamedIn(text: string): string[] {
  return Object.entries(REGION_NAMES)
    .filter(([, names]) => names.some((name) => text.includes(name)))
    .map(([abbr]) => abbr);
}
