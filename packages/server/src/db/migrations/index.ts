// The ordered list of migrations. Append only: an applied migration is never edited.
import * as core from './001_core.js';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [{ id: 1, name: core.name, sql: core.sql }];
