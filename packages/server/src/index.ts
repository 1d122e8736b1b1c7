// @yibao/server's public entry: what a program embedding the service needs to start it (the
// console's browser tests do): open and migrate a database, load the policy, seed the demo, build
// the HTTP app. The `yibao` command (bin/) is the other way in.
export { build, type BuildOptions } from './http/app.js';
export { migrate } from './db/migrate.js';
export { openPglite } from './db/pglite.js';
export type { Database } from './db/types.js';
export { seedDemo } from './demo/seed.js';
export { loadPolicy, type LoadedPolicy } from './settle/calculator.js';
export { SettlementService } from './settle/service.js';
export { loadRequirements } from './policy-release/requirements.js';
export { repositoryPolicyDir, loadPolicyRelease, type PolicyRelease } from './policy-release/load.js';
// The first administrator (`yibao admin create` does the same): the documented way to a first account.
export { createAdmin } from './access/accounts.js';
