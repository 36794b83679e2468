// The registry the end-to-end build bundles: the committed one, plus two licences dated relative to the
// day the tests run, so that `listed` and `expiring` can be shown with the browser's real date.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { localToday } from '../../core/dates';
import { RegistrySchema, type Licence, type Registry } from '../../core/registry/schema';

export const FIXTURE_LICENCES = {
  listed: { number: '沪B2-20250001', domain: 'listed-fixture.cn', daysLeft: 400 },
  expiring: { number: '沪B2-20250002', domain: 'expiring-fixture.cn', daysLeft: 30 },
} as const;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function fixtureLicence(number: string, domain: string, daysLeft: number, today: string): Licence {
  return {
    number,
    holder: '上海测试网络科技有限公司',
    legalRepresentative: '测试',
    issuedOn: addDays(today, -300),
    validUntil: addDays(today, daysLeft),
    services: [{ code: 'B25', name: '信息服务业务', scope: '仅限互联网信息服务', restrictions: '' }],
    sites: [{ kind: 'website', name: '测试网站', domain, services: ['信息服务业务'], serverLocation: '上海市', accessProvider: '测试接入' }],
    history: [],
    sources: ['test/e2e/fixture-registry.ts'],
  };
}

export function e2eRegistry(today = localToday()): Registry {
  const committed = RegistrySchema.parse(
    JSON.parse(readFileSync(fileURLToPath(new URL('../../data/registry.json', import.meta.url)), 'utf8')),
  );
  const extra = Object.values(FIXTURE_LICENCES).map((f) => fixtureLicence(f.number, f.domain, f.daysLeft, today));
  return RegistrySchema.parse({ ...committed, licences: [...committed.licences, ...extra] });
}
