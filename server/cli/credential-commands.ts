import { Option, type Command } from 'commander';
import { runKeyCreate, runKeyList, runKeyRevoke } from './key';
import { runTenantCreate, runTenantOrigins } from './tenant';
import { runToken } from './token';

/** `rapport tenant …`, `rapport key …` and `rapport token` (docs/security.md). */
export function registerCredentialCommands(program: Command): void {
  const collect = (value: string, previous: string[] = []) => [...previous, value];
  const storeFlags = (cmd: Command) =>
    cmd
      .option('--data <dir>', 'PGlite data directory (env RAPPORT_DATA, default ./.rapport)')
      .option('--database-url <url>', 'PostgreSQL URL instead of PGlite (env DATABASE_URL)');

  const tenant = program.command('tenant').description('Create tenants and manage their allowed browser origins.');
  storeFlags(tenant.command('create').description('Create a tenant.').argument('<id>', 'tenant id: lower-case letters, digits, - and _'))
    .option('--name <name>', 'display name (default: the id)')
    .option('--origin <origin>', 'allowed browser origin, e.g. https://crm.example.com (repeatable)', collect)
    .action((id: string, flags) => runTenantCreate(id, flags));
  storeFlags(tenant.command('origins').description("Show or edit a tenant's allowed browser origins (CORS, embed tokens).").argument('<id>'))
    .option('--add <origin>', 'allow an origin (repeatable)', collect)
    .option('--remove <origin>', 'stop allowing an origin (repeatable)', collect)
    .action((id: string, flags) => runTenantOrigins(id, flags));

  const key = program.command('key').description('API keys: create (shown once), list, revoke.');
  storeFlags(key.command('create').description('Create an API key; printed once on stdout.'))
    .requiredOption('--tenant <id>', 'tenant the key acts for')
    .addOption(new Option('--scope <scope>', 'read: queries and embed tokens; write: also mutations and imports').choices(['read', 'write']).default('read'))
    .action((flags) => runKeyCreate(flags));
  storeFlags(key.command('list').description("List a tenant's keys (never their secrets)."))
    .requiredOption('--tenant <id>', 'tenant')
    .action((flags) => runKeyList(flags));
  storeFlags(key.command('revoke').description('Revoke a key by its id (rpk_<id>).').argument('<id>'))
    .action((id: string, flags) => runKeyRevoke(id, flags));

  storeFlags(program.command('token').description('Mint an embed token (read-only JWT, 15 minutes at most) for widgets.'))
    .option('--key <key>', 'API key of the tenant (env RAPPORT_KEY)')
    .option('--origin <origin>', 'the only origin the token works from (one of the tenant\'s allowed origins)')
    .option('--customers <ids>', 'comma-separated external ids the token may look at (default: all)')
    .option('--operations <names>', 'comma-separated embed operations the token may run, e.g. RapportFeed,RapportFeedTrend (default: all)')
    .option('--ttl <duration>', 'lifetime, e.g. 15m or 300s (at most 15m)', '15m')
    .option('--server <url>', 'ask a running Rapport server (createEmbedToken) instead of opening the store')
    .action((flags) => runToken(flags));
}
