import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { schema } from './index';

/** Writes `schema/schema.graphql`, the committed SDL that clients and the staleness test read. */
const target = fileURLToPath(new URL('./schema.graphql', import.meta.url));
writeFileSync(target, printSchema(schema) + '\n');
console.log(`wrote ${target}`);
