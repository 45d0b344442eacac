import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { FORMATS } from '../report/registry.js';
import {
  EXIT_FAIL,
  EXIT_INTERRUPTED,
  EXIT_INVALID,
  EXIT_OK,
  type ExitCode,
  resolveLang,
  UsageError,
  useColour,
} from './io.js';
import type { Ctx } from './run.js';

/** Options of `vet-check report` as commander gives them. */
interface ReportCliOptions {
  plan?: string[];
  year?: string;
  years?: string;
  format: string;
  output?: string;
  byInstitution?: boolean;
  lang?: string;
  encoding?: string;
  sheet?: string;
  progress: boolean;
}

/** Parse `--year Y` / `--years A-B` into an inclusive range, or undefined for the plan's horizon. */
export function parseYears(opts: {
  year?: string;
  years?: string;
}): { from: number; to: number } | undefined {
  if (opts.year !== undefined && opts.years !== undefined)
    throw new UsageError('use --year or --years, not both');
  const y = (text: string) => {
    if (!/^\d{4}$/.test(text))
      throw new UsageError(`not a year: ${JSON.stringify(text)} (expected e.g. 2025)`);
    return Number(text);
  };
  if (opts.year !== undefined) {
    const v = y(opts.year);
    return { from: v, to: v };
  }
  if (opts.years !== undefined) {
    const m = /^(\d{4})\s*[-–~]\s*(\d{4})$/.exec(opts.years);
    if (!m) throw new UsageError(`--years takes a range like 2024-2027, got ${JSON.stringify(opts.years)}`);
    const from = y(m[1]!);
    const to = y(m[2]!);
    if (from > to) throw new UsageError(`--years ${opts.years}: the first year is after the last`);
    return { from, to };
  }
  return undefined;
}

/** Register `vet-check report`. */
export function registerReport(program: Command, ctx: Ctx): void {
  program
    .command('report')
    .description(
      'evaluate every rule of the plans, year by year, against submitted data (评估方案目标完成情况)',
    )
    .argument(
      '<files...>',
      'submission files (CSV, TSV, JSON, JSON Lines, XLSX) and region-level indicator files',
    )
    .option(
      '-p, --plan <id|file>',
      'plan to evaluate, a built-in id or a YAML file; repeatable (default: every built-in plan whose district appears in the data)',
      (v: string, prev: string[] | undefined) => [...(prev ?? []), v],
    )
    .option('--year <year>', 'report one year')
    .option('--years <from-to>', 'report a range of years, e.g. 2024-2027 (default: the plan horizon)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('table'))
    .option('-o, --output <file>', 'write to a file (atomically) instead of stdout')
    .option('--by-institution', "add each institution's value of each rule")
    .addOption(new Option('--lang <lang>', 'language (default: from LANG, else zh)').choices(['zh', 'en']))
    .option('--encoding <enc>', 'force the input encoding (utf-8, gb18030, utf-16le, utf-16be)')
    .option('--sheet <name>', 'XLSX sheet to read (default: the first)')
    .option('--no-progress', 'no progress bar on stderr (shown on a terminal when a read takes over 1 s)')
    .addHelpText(
      'after',
      `
Exit codes: 0 no required target missed, 1 a required target missed in a reported year,
2 invalid input or usage (the data is validated first; errors stop the report).

Examples:
  vet-check report fixtures/sample/*.csv
  vet-check report data.csv --plan yongchuan-2024-2027 --years 2024-2027
  vet-check report data.csv --format json --output report.json
  vet-check report data.csv --format junit --output report.xml   # for CI`,
    )
    .action(async (files: string[], opts: ReportCliOptions) => {
      ctx.exit = await runReport(files, opts, ctx);
    });
}

async function runReport(files: string[], opts: ReportCliOptions, ctx: Ctx): Promise<ExitCode> {
  const { io } = ctx;
  const lang = resolveLang(opts.lang, io.env);
  const years = parseYears(opts);
  const paths = files.map((f) => resolve(io.cwd, f));
  // memory for the inputs' size, and a large file's scanning thread started while plans and modules load
  await (await import('./memory.js')).prepareForInput(paths);
  // the formatter loads while the data is read (for html that is the chart library)
  const formatterLoading = import('../report/registry.js').then(({ loadFormatter, isFormat }) => {
    if (!isFormat(opts.format)) throw new UsageError(`unknown format ${opts.format}`);
    return loadFormatter(opts.format);
  });
  formatterLoading.catch(() => {}); // awaited below; an early exit must not report it unhandled
  // every module of the job in one round, not one import after another
  const [
    { readSubmission },
    { getPlan, getDictionary, getMetrics },
    { builtinPlanIds },
    { evaluatePlan },
    { RollUp },
    { districtKey },
    { writeOutput, checkOutputPath, interruptedMessage },
    { renderDiagnosticsText },
    { withProgress },
    { VERSION },
  ] = await Promise.all([
    import('../data/submission.js'),
    import('../plan/builtin.js'),
    import('../plan/refs.js'),
    import('../engine/evaluate.js'),
    import('../engine/rollup.js'),
    import('../engine/scope.js'),
    import('./output.js'),
    import('./diagnostics-text.js'),
    import('./progress.js'),
    import('../version.js'),
  ]);
  if (opts.output !== undefined) checkOutputPath(opts.output, files, io.cwd, lang);

  // 1. plans named with --plan load first: a broken plan is a usage error before any data is read
  const plans = [];
  for (const ref of opts.plan ?? []) {
    const loaded = await getPlan(ref, io.cwd);
    if (!loaded.plan) {
      io.stderr(renderDiagnosticsText(loaded.diagnostics, lang));
      return EXIT_INVALID;
    }
    plans.push(loaded.plan);
  }

  // 2. the data, validated, streamed into the roll-up (memory grows with institution-years, not rows)
  const dictionary = await getDictionary();
  const rollup = new RollUp(dictionary);
  const districts = new Set<string>();
  let lastDistrict = ''; // rows come grouped: normalise a district once per change, not per row
  const submission = await withProgress(io, { lang, progress: opts.progress }, (onProgress) =>
    readSubmission(paths, {
      ...(opts.encoding !== undefined ? { encoding: opts.encoding } : {}),
      ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
      dictionary,
      keepRows: false,
      onRow: (row) => {
        rollup.add(row);
        if (row.district && row.district !== lastDistrict) {
          lastDistrict = row.district;
          districts.add(districtKey(row.district));
        }
      },
      onProgress,
    }),
  );
  // keep the paths as the user typed them in messages and outputs
  const shown = new Map(files.map((f) => [resolve(io.cwd, f), f]));
  for (const d of submission.diagnostics) if (d.file !== undefined) d.file = shown.get(d.file) ?? d.file;
  for (const f of submission.files) f.path = shown.get(f.path) ?? f.path;
  const errors = submission.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    // the same messages and summary as `vet-check validate`
    const { formatText, toValidateResult } = await import('../report/diagnostics/index.js');
    io.stderr(formatText(toValidateResult(submission), { lang, colour: false }));
    io.stderr(
      lang === 'zh'
        ? `vet-check: 数据有 ${errors.length} 个错误，未生成报告（请先用 vet-check validate 修正）\n`
        : `vet-check: the data has ${errors.length} errors; no report was made (fix them with vet-check validate)\n`,
    );
    return EXIT_INVALID;
  }
  const institutionYears = rollup.result();

  // 3. without --plan: every built-in plan whose district appears in the data
  if (plans.length === 0) {
    const seen = districts;
    for (const r of submission.indicators) seen.add(districtKey(r.district));
    for (const id of builtinPlanIds()) {
      const loaded = await getPlan(id, io.cwd);
      if (!loaded.plan) {
        io.stderr(renderDiagnosticsText(loaded.diagnostics, lang));
        return EXIT_INVALID;
      }
      if (seen.has(districtKey(loaded.plan.region.district))) plans.push(loaded.plan);
    }
    if (plans.length === 0) {
      const found = [...seen].join(', ') || (lang === 'zh' ? '（无）' : '(none)');
      throw new UsageError(
        lang === 'zh'
          ? `数据中的区县（${found}）没有对应的内置方案；请用 --plan 指定方案（vet-check plans list 列出内置方案）`
          : `no built-in plan covers the districts in the data (${found}); name one with --plan (see vet-check plans list)`,
      );
    }
  }

  // 4. evaluate and render
  const metrics = await getMetrics();
  const results = plans.map((plan) =>
    evaluatePlan({
      plan,
      metrics,
      dictionary,
      institutionYears,
      indicators: submission.indicators,
      ...(years ? { years } : {}),
      // each institution's values are shown only with --by-institution, and by the HTML report
      breakdown: Boolean(opts.byInstitution) || opts.format === 'html',
    }),
  );
  const formatter = await formatterLoading;
  const text = await formatter(
    {
      generatedAt: generatedAt(io.env),
      tool: { name: 'vet-check', version: VERSION },
      inputs: submission.files.map((f) => ({
        path: f.path,
        sha256: f.sha256,
        encoding: f.encoding,
        rowsRead: f.rowsRead,
        rowsAccepted: f.rowsAccepted,
        rowsRejected: f.rowsRejected,
      })),
      plans: results,
      diagnostics: submission.diagnostics,
    },
    {
      lang,
      colour: opts.output === undefined && useColour(io),
      byInstitution: Boolean(opts.byInstitution),
      toFile: opts.output !== undefined,
    },
  );
  const warnings = submission.diagnostics.filter((d) => d.severity === 'warning').length;
  if (warnings > 0 && opts.format === 'table') {
    io.stderr(
      lang === 'zh'
        ? `注意：数据有 ${warnings} 个警告（vet-check validate 查看详情）\n`
        : `note: the data has ${warnings} warnings (see vet-check validate)\n`,
    );
  }
  const outcome = await writeOutput(opts.output, text, io, { inputs: files, lang });
  if (outcome === 'interrupted') {
    io.stderr(`${interruptedMessage(opts.output!, lang)}\n`);
    return EXIT_INTERRUPTED;
  }
  return results.some((r) => r.summary.requiredFailures > 0) ? EXIT_FAIL : EXIT_OK;
}

/** The report's timestamp: SOURCE_DATE_EPOCH (seconds) when set, for reproducible output; else now. */
function generatedAt(env: Record<string, string | undefined>): string {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  return new Date().toISOString();
}
