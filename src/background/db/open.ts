import { openDB, type IDBPDatabase } from 'idb';
import { MIGRATIONS, DB_VERSION, type UpgradeTx } from './migrations';
import { DB_NAME, type BackstoryDB } from './schema';

/** The typed database handle every store takes. */
export type Database = IDBPDatabase<BackstoryDB>;

/**
 * Opens (and migrates) the database. `name` lets tests use a fresh database
 * each; `version` lets migration tests open an older schema.
 */
export function openDatabase(name = DB_NAME, version = DB_VERSION): Promise<Database> {
  return openDB<BackstoryDB>(name, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      for (const migration of MIGRATIONS) {
        // Migrations take untyped handles (see `Migration`); the typed ones are the same objects.
        if (migration.version > oldVersion && migration.version <= (newVersion ?? version)) await migration.run(db as unknown as IDBPDatabase, tx as unknown as UpgradeTx);
      }
    },
  });
}
