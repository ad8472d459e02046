import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PLAN_SCHEMA_FILE } from './plan-document.js';

/**
 * The `$schema` written into exported plans: a file: URL of the JSON Schema that ships with this
 * rehab, so an editor on this machine checks and completes the plan as it is edited. Found by
 * walking up from this module (dist/ when bundled, src/io/ in tests); undefined if it is missing.
 */
export function planSchemaUrl(): string | undefined {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (let level = 0; level < 4; level++) {
    const candidate = path.join(folder, PLAN_SCHEMA_FILE);
    if (existsSync(candidate)) return pathToFileURL(candidate).href;
    folder = path.dirname(folder);
  }
  return undefined;
}
