// Static imports, so the bundle embeds every migration and the installed CLI never looks for
// .sql files on disk. Add a file here when adding migrations/000N-….sql; never edit a released one.
import init from '../../migrations/0001-init.sql';
import checkinsBodyweightMilestones from '../../migrations/0002-checkins-bodyweight-milestones.sql';
import importMappings from '../../migrations/0003-import-mappings.sql';
import setIdsNeverReused from '../../migrations/0004-set-ids-never-reused.sql';

/** One schema step: `version` is the `PRAGMA user_version` the file leaves the database at. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, in order; versions run 1, 2, 3… without gaps. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001-init', sql: init },
  { version: 2, name: '0002-checkins-bodyweight-milestones', sql: checkinsBodyweightMilestones },
  { version: 3, name: '0003-import-mappings', sql: importMappings },
  { version: 4, name: '0004-set-ids-never-reused', sql: setIdsNeverReused },
];

/** The schema version this build of rehab writes; a file above it is refused. */
export const LATEST_SCHEMA_VERSION: number = MIGRATIONS.length;

/**
 * `PRAGMA application_id` of every rehab log ('RHAB' in ASCII), set by the first migration.
 * It is how a rehab log is told apart from any other SQLite file (sqlite.org/fileformat.html, offset 68).
 */
export const REHAB_APPLICATION_ID = 0x52484142;
