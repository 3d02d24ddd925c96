// `npm run schema`: writes scenes/scenario.schema.json, scenes/layout.schema.json and
// scenes/path.schema.json from the zod schemas, so authors' editors complete and check scenario,
// layout and learning-path files. Committed; a test fails when one is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { layoutJsonSchemaText, learningPathJsonSchemaText, scenarioJsonSchemaText } from '../src/engine/json-schema';

for (const [name, text] of [
  ['scenario', scenarioJsonSchemaText()],
  ['layout', layoutJsonSchemaText()],
  ['path', learningPathJsonSchemaText()],
] as const) {
  const target = fileURLToPath(new URL(`../scenes/${name}.schema.json`, import.meta.url));
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
