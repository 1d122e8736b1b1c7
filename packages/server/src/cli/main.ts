// The `yibao` command: dispatches to one subcommand module each.
const USAGE = `usage: yibao <command> [options]

commands:
  calc [--ndjson] [--policy DIR]   calculate a settlement from JSON on stdin (CALC_CONTRACT.md)
  serve [--port N] [--host H] [--data DIR] [--tls-cert F --tls-key F --tls-client-ca F]
                                   start the settlement service (SERVICE_CONTRACT.md)
  policy check [--region CODE] [--json]
                                   check a region's policy against the guidance (合规校验)
  demo [--persons N] [--visits M] [--data DIR]
                                   seed a demo region and settle a year of visits
  catalogue import FILE [--format csv|xlsx|national] [--apply]
                                   preview (or apply) a catalogue file (医保目录导入)
  catalogue export [--date D | --all] [--out FILE]
                                   the catalogue as a Yibao CSV
  admin create --username U [--display-name N] [--password-stdin]
                                   create an admin account (password printed once)
  payments month YYYY-MM | payments year YYYY [--data DIR]
                                   the monthly run (拨付清单) or the year-end clearing (年终清算)
  supervise --from D --to D [--run-on D] [--full]
                                   run the batch supervision rules over a date range (基金监管)
  audit verify [--json]            check the audit log's hash chains and anchors (审计日志校验)
  credentials issue|list|revoke|rotate --institution ID
                                   institutions' credentials (机构接口凭证)
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'calc':
      return (await import('./calc.js')).runCalc(rest);
    case 'serve':
      return (await import('./serve.js')).runServe(rest);
    case 'demo':
      return (await import('./demo.js')).runDemo(rest);
    case 'catalogue':
      return (await import('./catalogue.js')).runCatalogue(rest);
    case 'audit':
      return (await import('./audit.js')).runAudit(rest);
    case 'policy':
      return (await import('./policy.js')).runPolicy(rest);
    case 'admin':
      return (await import('./admin.js')).runAdmin(rest);
    case 'payments':
      return (await import('./payments.js')).runPayments(rest);
    case 'supervise':
      return (await import('./supervise.js')).runSupervise(rest);
    case 'credentials':
      return (await import('./credentials.js')).runCredentials(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`yibao: unknown command '${command}'\n${USAGE}`);
      return 2;
  }
}
