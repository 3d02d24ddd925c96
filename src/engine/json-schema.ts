import { z } from 'zod';
import { layoutSchema } from './layout-schema';
import { learningPathSchema } from './learning-path-schema';
import { scenarioSchema } from './schema';

/**
 * The editor's JSON Schema, generated from the zod schema. `io: 'input'` describes what an author
 * writes (defaults make keys optional), not what the parser returns.
 */
export function scenarioJsonSchemaText(): string {
  const schema = z.toJSONSchema(scenarioSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** The layout files' JSON Schema (scenes/layout.schema.json), generated like the scenario's. */
export function layoutJsonSchemaText(): string {
  const schema = z.toJSONSchema(layoutSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** The learning paths' JSON Schema (scenes/path.schema.json), generated like the scenario's. */
export function learningPathJsonSchemaText(): string {
  const schema = z.toJSONSchema(learningPathSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
