// The verdict a fixture must show, worked out from the registry's dates and any cancellation or revocation
// in force, by the rule in DESIGN.md, independently of the extension's code.
import type { Registry } from '../../core/registry/schema';
import type { Verdict } from '../../core/verdict/verdict';
import type { FixtureSite } from './fixture-sites';

const DAY = 86_400_000;

export function expectedVerdict(site: FixtureSite, registry: Registry, now = new Date()): Verdict {
  if (typeof site.expected === 'string') return site.expected;
  const number = site.expected.registry;
  const licence = registry.licences.find((l) => l.number === number);
  if (!licence) throw new Error(`${number} is not in the e2e registry`);
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  const daysTo = (date: string) => {
    const [y, m, d] = date.split('-').map(Number);
    return (Date.UTC(y, m - 1, d) - today) / DAY;
  };
  if (licence.end && daysTo(licence.end.on) <= 0) return 'revoked';
  const daysLeft = daysTo(licence.validUntil);
  if (daysLeft < 0) return 'expired';
  return daysLeft <= 90 ? 'expiring' : 'listed';
}
