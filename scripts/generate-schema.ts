// `npm run schema`: writes scenes/scenario.schema.json and scenes/layout.schema.json from the zod
// schemas, so authors' editors complete and check scenario and layout files. Committed; a test
// fails when either is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { layoutJsonSchemaText, scenarioJsonSchemaText } from '../src/engine/json-schema';

for (const [name, text] of [
  ['scenario', scenarioJsonSchemaText()],
  ['layout', layoutJsonSchemaText()],
] as const) {
  const target = fileURLToPath(new URL(`../scenes/${name}.schema.json`, import.meta.url));
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
