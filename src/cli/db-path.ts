import envPaths from 'env-paths';
import { join, resolve } from 'node:path';

/**
 * Where the log lives: `--db`, else `$REHAB_DB`, else the platform data folder
 * ($XDG_DATA_HOME/rehab/rehab.db or ~/.local/share/rehab/rehab.db on Linux,
 * ~/Library/Application Support/rehab/rehab.db on macOS, %LOCALAPPDATA%\rehab\Data\rehab.db on Windows).
 */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const chosen = flag ?? (env.REHAB_DB || undefined);
  if (chosen) return resolve(chosen);
  return join(envPaths('rehab', { suffix: '' }).data, 'rehab.db');
}
