import type { Repair } from '../registry/schema';

/** The values of one document that were repaired or inferred, for the registry and the review report. */
export class RepairLog {
  readonly repairs: Repair[] = [];

  constructor(private readonly source: string) {}

  /** Records a repair that changed `seen` into `value`; the same repair of a value listed twice is kept once. */
  note(field: string, seen: string, value: string, repair: string): void {
    if (seen === value) return;
    if (this.repairs.some((r) => r.field === field && r.seen === seen && r.repair === repair)) return;
    this.repairs.push({ source: this.source, field, value, seen, repair });
  }
}
