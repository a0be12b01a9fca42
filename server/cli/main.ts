import { Command, Option } from 'commander';
import { RECORD_KINDS, type RecordKind } from '../ingest/types';
import { FORMAT_NAMES, type FormatName } from '../ingest/read-records';
import { reportError, UsageError } from './fail';
import { runImport } from './import';
import { runReclassify } from './reclassify';
import { registerCredentialCommands } from './credential-commands';
import { runServe } from './serve';

const program = new Command('rapport')
  .description('Embeddable customer analytics for CRMs: GraphQL API, importers and analytics.')
  .showHelpAfterError('(add --help for usage)')
  // commander's own refusals (unknown option, bad choice, missing argument) are usage errors like ours: exit 2.
  // Set before the commands are added, which inherit it; --help still exits 0.
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2))
  // …and read like ours: `rapport: unknown option '--bogus'`, not commander's `error: …`.
  .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, 'rapport: ')) });

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
  .option('--sentiment-model <name>', 'the sentiment model for imports and classify without a model, e.g. quality (env RAPPORT_SENTIMENT_MODEL; default: models/default.json)')
  .action((flags) => runServe(flags));

program
  .command('import')
  .description('Import a file of customers, orders, interactions or relationships.')
  .argument('<kind>', `one of ${RECORD_KINDS.join(', ')}`)
  .argument('<file>', 'the file to read; .gz is decompressed on the fly')
  .option('--tenant <id>', "tenant to import into (default: default; with --server and --key, the key's tenant)")
  .addOption(new Option('--format <format>', 'file format (detected from the header when omitted)').choices(FORMAT_NAMES))
  .option('--data <dir>', 'PGlite data directory (env RAPPORT_DATA, default ./.rapport)')
  .option('--database-url <url>', 'PostgreSQL URL instead of PGlite (env DATABASE_URL)')
  .option('--server <url>', 'send the file to a running Rapport server instead of opening a store')
  .option('--key <key>', 'API key (write scope) for --server (env RAPPORT_KEY)')
  .option('--redis-url <url>', "with PostgreSQL: tell the servers' live subscribers through this Redis what was imported (env REDIS_URL)")
  .option('--skip-invalid', 'import the good rows and write the bad ones to a reject report')
  .option('--rejects <file>', 'where to write the reject report (default FILE.rejects.csv)')
  .option('--relationship-kind <kind>', 'kind of the ties in an edge list', 'follows')
  .option('--progress-lines', 'print progress as plain lines (for logs) instead of a bar')
  .option('--sentiment-model <name>', 'classify unlabelled interactions with this shipped model, e.g. quality (default: models/default.json)')
  .action((kind: string, file: string, flags) => {
    if (!RECORD_KINDS.includes(kind as RecordKind)) {
      throw new UsageError(`"${kind}" is not something Rapport imports; use one of ${RECORD_KINDS.join(', ')}.`);
    }
    return runImport(kind as RecordKind, file, { ...flags, format: flags.format as FormatName | undefined });
  });

program
  .command('reclassify')
  .description("Classify every interaction of a tenant again: after a model changed, or to move the tenant to another model.")
  .option('--tenant <id>', 'tenant whose interactions to classify', 'default')
  .option('--sentiment-model <name>', 'the shipped model to classify with, e.g. quality (default: models/default.json)')
  .option('--data <dir>', 'PGlite data directory (env RAPPORT_DATA, default ./.rapport)')
  .option('--database-url <url>', 'PostgreSQL URL instead of PGlite (env DATABASE_URL)')
  .option('--progress-lines', 'print progress as plain lines (for logs) instead of a bar')
  .action((flags) => runReclassify(flags));

registerCredentialCommands(program);

program.parseAsync(process.argv).catch(reportError);
