// Writes schema/plan.schema.json, the JSON Schema of plan documents, from the zod schema in
// src/io/plan-schema.ts. `--check` writes nothing and fails (exit 1) when the file is stale.
//   node scripts/generate-plan-schema.js [--check]
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';

const target = 'schema/plan.schema.json';

// The source is TypeScript: bundle the one module into memory and import it from there.
const result = await build({
  entryPoints: ['src/io/plan-json-schema.ts'],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
const code = result.outputFiles[0].text;
const { planJsonSchemaText } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
const text = planJsonSchemaText();

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // A missing file is stale too.
  }
  if (committed !== text) {
    console.error(`${target} is out of date with src/io/plan-schema.ts; run \`node scripts/generate-plan-schema.js\`.`);
    process.exit(1);
  }
  console.log(`${target} is up to date.`);
} else {
  writeFileSync(target, text);
  console.log(`Wrote ${target}.`);
}
