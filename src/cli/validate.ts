import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { EXIT_FAIL, EXIT_INVALID, EXIT_OK, resolveLang, UsageError, useColour } from './io.js';
import { prepareForInput } from './memory.js';
import { type Ctx, langOption } from './run.js';

interface ValidateCliOptions {
  period?: string;
  institutions?: string;
  encoding?: string;
  sheet?: string;
  format: string;
  maxErrors?: string;
  jumpFactor?: string;
  failOnWarnings?: boolean;
  lang?: string;
  progress: boolean;
}

/** Register the `validate` command. */
export function registerValidate(program: Command, ctx: Ctx): void {
  program
    .command('validate')
    .description(
      'check submission files and list every problem, sorted by file and line\n' +
        '检查填报文件并列出所有问题\n' +
        'exit 0 clean (warnings allowed), 1 warnings with --fail-on-warnings, 2 errors',
    )
    .argument('<files...>', 'CSV, TSV, JSON, JSONL or XLSX submission files')
    .option('--period <YYYYQn>', 'every institution must have a row for this period (2025 or 2025Q3)')
    .option('--institutions <file>', 'registry of institutions (院校代码, optional 院校名称, 所在区县)')
    .option('--encoding <enc>', 'force an encoding: utf-8, utf-8-bom, gbk, gb18030, utf-16le, utf-16be')
    .option('--sheet <name>', 'XLSX sheet (default: the first)')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'json', 'junit', 'github'])
        .default('text'),
    )
    .option('--max-errors <n>', 'list at most N errors (and say how many more)')
    .option('--jump-factor <x>', 'warn when a stock value changes more than x-fold between periods', '3')
    .option('--fail-on-warnings', 'exit 1 when there are warnings')
    .addOption(langOption())
    .option('--no-progress', 'no progress bar on stderr (shown on a terminal when a read takes over 1 s)')
    .action(async (files: string[], o: ValidateCliOptions) => {
      const [{ readSubmission, defaultOpen, parseJumpFactor }, { parsePeriod }, fmt, { withProgress }] =
        await Promise.all([
          import('../data/submission.js'),
          import('../data/checks.js'),
          import('../report/diagnostics/index.js'),
          import('./progress.js'),
        ]);
      if (o.period !== undefined && !parsePeriod(o.period))
        throw new UsageError(`--period ${o.period}: write YYYY or YYYYQn, e.g. 2025Q3`);
      if (!parseJumpFactor(o.jumpFactor ?? '3'))
        throw new UsageError(`--jump-factor ${o.jumpFactor}: write a number greater than 1, e.g. 3`);
      let maxErrors: number | undefined;
      if (o.maxErrors !== undefined) {
        if (!/^\d+$/.test(o.maxErrors))
          throw new UsageError(`--max-errors ${o.maxErrors}: write a whole number`);
        maxErrors = Number(o.maxErrors);
      }
      const cwd = ctx.io.cwd;
      const lang = resolveLang(o.lang, ctx.io.env);
      await prepareForInput(files.map((f) => resolve(cwd, f)));
      const sub = await withProgress(ctx.io, { lang, progress: o.progress }, (onProgress) =>
        readSubmission(files, {
          ...(o.encoding ? { encoding: o.encoding } : {}),
          ...(o.sheet ? { sheet: o.sheet } : {}),
          ...(o.institutions ? { institutions: o.institutions } : {}),
          ...(o.period ? { period: o.period } : {}),
          ...(maxErrors !== undefined ? { maxErrors } : {}),
          jumpFactor: o.jumpFactor ?? '3',
          keepRows: false,
          open: (path, opts) => defaultOpen(resolve(cwd, path), opts),
          onProgress,
        }),
      );
      const result = fmt.toValidateResult(sub);
      const format = fmt.validateFormatters[o.format]!;
      ctx.io.stdout(format(result, { lang, colour: o.format === 'text' && useColour(ctx.io) }));
      ctx.exit =
        result.errors > 0 ? EXIT_INVALID : result.warnings > 0 && o.failOnWarnings ? EXIT_FAIL : EXIT_OK;
    });
}
