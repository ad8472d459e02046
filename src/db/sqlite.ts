// The one place a SQLite connection is made. better-sqlite3's JavaScript is bundled into each
// command's bundle (one file instead of a dozen to resolve and read: about 6 ms of every command,
// measured with `npm run bench`), so it cannot find its compiled addon by itself the way it does
// from node_modules (the `bindings` package searches relative to the calling file): it is told.
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { runtimeError } from '../errors.js';

const ADDON = 'better-sqlite3/build/Release/better_sqlite3.node';

let addonPath: string | undefined;

/** Where better-sqlite3's compiled addon is: built into its package by `npm install`. */
function nativeAddon(): string {
  if (addonPath === undefined) {
    try {
      addonPath = createRequire(import.meta.url).resolve(ADDON);
    } catch (error) {
      throw runtimeError(
        "SQLite's native module (better-sqlite3) is not built, so rehab cannot open its log.",
        'Run `npm install` in the folder rehab was installed in (it needs a C++ compiler when no prebuilt module matches this Node).',
        error,
      );
    }
  }
  return addonPath;
}

/** A better-sqlite3 connection to `path` (a file, or ':memory:'). */
export function openSqlite(path: string, options: Database.Options = {}): Database.Database {
  return new Database(path, { ...options, nativeBinding: nativeAddon() });
}
