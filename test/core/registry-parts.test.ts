import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RegistryPartScanner, type RegistryPart } from '../../core/registry/registry-parts';

/** The parts of `text` pushed in pieces cut at `cuts`. */
function partsOf(text: string, cuts: number[]): RegistryPart[] {
  const scanner = new RegistryPartScanner();
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const parts: RegistryPart[] = [];
  let from = 0;
  for (const to of [...at, text.length]) {
    parts.push(...scanner.push(text.slice(from, to)));
    from = to;
  }
  return [...parts, ...scanner.end()];
}

/** What the parts of a registry object are, read whole by JSON.parse. */
function expected(registry: Record<string, unknown>): RegistryPart[] {
  return Object.entries(registry).flatMap(([name, value]): RegistryPart[] => {
    if ((name === 'licences' || name === 'filings') && Array.isArray(value)) {
      const kind = name === 'licences' ? 'licence' : 'filing';
      return [{ kind: 'list', name }, ...value.map((v, index) => ({ kind, index, value: v }) as RegistryPart)];
    }
    return [{ kind: 'field', name, value }];
  });
}

// Records with strings that hold brackets, quotes, escapes and non-BMP characters.
const record = fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 });
const registry = fc.record(
  {
    schemaVersion: fc.constant(1),
    version: fc.integer({ min: 1 }),
    note: fc.jsonValue({ maxDepth: 2 }),
    licences: fc.array(record, { maxLength: 6 }),
    filings: fc.array(record, { maxLength: 3 }),
  },
  { requiredKeys: ['licences'] },
);

describe('reading a registry as it arrives', () => {
  it('finds the same fields and records as JSON.parse, however the text is cut and laid out', () => {
    fc.assert(
      fc.property(registry, fc.array(fc.nat(), { maxLength: 20 }), fc.constantFrom(undefined, 1, '\t'), (value, cuts, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(partsOf(text, cuts)).toEqual(expected(JSON.parse(text) as Record<string, unknown>));
      }),
      { numRuns: 300 },
    );
  });

  it('reads a value that spans thousands of pieces, giving it once it is whole', () => {
    const long = JSON.stringify({ licences: [{ text: 'x'.repeat(100_000) }] });
    const scanner = new RegistryPartScanner();
    const parts = [];
    for (let i = 0; i < long.length; i += 7) parts.push(...scanner.push(long.slice(i, i + 7)));
    expect([...parts, ...scanner.end()]).toEqual([
      { kind: 'list', name: 'licences' },
      { kind: 'licence', index: 0, value: { text: 'x'.repeat(100_000) } },
    ]);
  });

  it.each([
    ['{"licences":[{}', /^the text ends before the registry object does/],
    ['{"licences":[{}],}', /^expected a field name in quotes/],
    ['{"licences":[{} {}]}', /^expected , or \] after licence 1/],
    ['{"version" 2}', /^expected : after "version"/],
    ['{"version":2 "x":1}', /^expected , or \} after a field/],
    ['{"version":tru}', /^the value of "version" is not valid JSON/],
  ])('refuses %s, saying where', (text, message) => {
    expect(() => partsOf(text, [])).toThrow(message);
  });
});
