// `npm run schema`: writes scenes/scenario.schema.json from the zod schema, so authors' editors
// complete and check scenario files. Committed; a test fails when it is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from '../src/engine/json-schema';

const target = fileURLToPath(new URL('../scenes/scenario.schema.json', import.meta.url));
writeFileSync(target, scenarioJsonSchemaText());
console.log(`wrote ${target}`);
