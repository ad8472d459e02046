// The JSON Schema of plan documents, generated from the same zod schema `rehab plan import`
// validates with, so the two cannot drift apart. Committed as schema/plan.schema.json by
// `node scripts/generate-plan-schema.js`; a test fails when the committed file is stale.
import * as z from 'zod';
import { planDocumentSchema } from './plan-schema.js';

/**
 * The schema as written to schema/plan.schema.json: what an editor may accept (defaults are
 * optional), two-space JSON, a final newline.
 */
export function planJsonSchemaText(): string {
  const schema = z.toJSONSchema(planDocumentSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
