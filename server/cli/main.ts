import { Command, Option } from 'commander';
import { RECORD_KINDS, type RecordKind } from '../ingest/types';
import { FORMAT_NAMES, type FormatName } from '../ingest/read-records';
import { reportError, UsageError } from './fail';
import { runImport } from './import';
import { runKeyCreate, runKeyList, runKeyRevoke } from './key';
import { runTenantCreate, runTenantOrigins } from './tenant';
import { runToken } from './token';
import { runServe } from './serve';

const program = new Command('rapport')
  .description('Embeddable customer analytics for CRMs: GraphQL API, importers and analytics.')
  .showHelpAfterError('(add --help for usage)');

program
  .command('serve')
  .description('Serve the GraphQL API and the playground.')
  .option('--port <n>', 'port to listen on (env PORT)', process.env.PORT ?? '4000')
  .option('--host <address>', 'address to bind (default 127.0.0.1 with --dev, else 0.0.0.0)')
  .option('--data <dir>', 'PGlite data directory (env RAPPORT_DATA, default ./.rapport)')
  .option('--database-url <url>', 'PostgreSQL URL instead of PGlite (env DATABASE_URL)')
  .option('--demo', 'load the built-in demo data set into tenant default if it is not there yet')
  .option('--dev', 'let loopback requests without credentials act as tenant default')
  .option('--introspection', 'serve introspection and GraphiQL without --dev')
  .option('--redis-url <url>', 'deliver subscriptions across instances through Redis (env REDIS_URL)')
  .option('--no-metrics', 'do not serve Prometheus metrics at /metrics')
  .option('--log-level <level>', 'JSON request log level: debug, info, warn, error or silent (env LOG_LEVEL)')
  .action((flags) => runServe(flags));

program
  .command('import')
  .description('Import a file of customers, orders, interactions or relationships.')
  .argument('<kind>', `one of ${RECORD_KINDS.join(', ')}`)
  .argument('<file>', 'the file to read; .gz is decompressed on the fly')
  .option('--tenant <id>', 'tenant to import into', 'default')
  .addOption(new Option('--format <format>', 'file format (detected from the header when omitted)').choices(FORMAT_NAMES))
  .option('--data <dir>', 'PGlite data directory (env RAPPORT_DATA, default ./.rapport)')
  .option('--database-url <url>', 'PostgreSQL URL instead of PGlite (env DATABASE_URL)')
  .option('--server <url>', 'send the file to a running Rapport server instead of opening a store')
  .option('--key <key>', 'API key (write scope) for --server (env RAPPORT_KEY)')
  .option('--skip-invalid', 'import the good rows and write the bad ones to a reject report')
  .option('--rejects <file>', 'where to write the reject report (default FILE.rejects.csv)')
  .option('--relationship-kind <kind>', 'kind of the ties in an edge list', 'follows')
  .option('--progress-lines', 'print progress as plain lines (for logs) instead of a bar')
  .action((kind: string, file: string, flags) => {
    if (!RECORD_KINDS.includes(kind as RecordKind)) {
      throw new UsageError(`"${kind}" is not something Rapport imports; use one of ${RECORD_KINDS.join(', ')}.`);
    }
    return runImport(kind as RecordKind, file, { ...flags, format: flags.format as FormatName | undefined });
  });

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
  .option('--ttl <duration>', 'lifetime, e.g. 15m or 300s (at most 15m)', '15m')
  .action((flags) => runToken(flags));

program.parseAsync(process.argv).catch(reportError);
