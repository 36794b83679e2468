import { registryJsonSchema } from '../core/registry/schema';
import { writeAtomically } from './files';

const out = process.argv[2] ?? 'data/registry.schema.json';
writeAtomically(out, `${JSON.stringify(registryJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${out}\n`);
