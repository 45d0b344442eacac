import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Diagnostic, Lang } from '../diagnostics/types.js';
import type { Plan } from '../plan/types.js';
import { EXIT_FAIL, EXIT_INVALID, EXIT_OK, resolveLang, UsageError, useColour } from './io.js';
import { type Ctx, langOption } from './run.js';

interface ListOptions {
  lang?: string;
  format: string;
}
interface LintOptions extends ListOptions {
  source?: string;
  strict?: boolean;
}

async function renderDiagnostics(ds: Diagnostic[], lang: Lang, colour: boolean): Promise<string> {
  const { renderMessage, sortDiagnostics } = await import('../diagnostics/diagnostic.js');
  const paint = colour ? (await import('chalk')).default : null;
  return sortDiagnostics(ds)
    .map((d) => {
      const where = d.file ? `${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ''} ` : '';
      const sev =
        paint && d.severity === 'error'
          ? paint.red(d.severity)
          : paint && d.severity === 'warning'
            ? paint.yellow(d.severity)
            : d.severity;
      return `${where}${sev} ${d.code} ${renderMessage(d, lang)}\n`;
    })
    .join('');
}

async function table(head: string[], rows: string[][], colour: boolean): Promise<string> {
  const Table = (await import('cli-table3')).default;
  const t = new Table({ head, style: colour ? {} : { head: [], border: [] }, wordWrap: true });
  for (const r of rows) t.push(r);
  return `${t.toString()}\n`;
}

/** The rows of `plans show --format json`: one normalized object per rule. */
export function planRulesJson(plan: Plan) {
  return plan.rules.map((r) => ({
    id: r.id,
    plan: plan.id,
    title: r.title,
    quote: r.sources[0]?.quote ?? '',
    sources: r.sources,
    metric: r.metric,
    comparator:
      r.target.kind === 'compare' ? r.target.op : r.target.kind === 'range' ? 'between' : 'increase',
    value: r.target.kind === 'compare' ? r.target.value : null,
    min: r.target.kind === 'range' ? r.target.min : null,
    max: r.target.kind === 'range' ? r.target.max : null,
    unit: r.unit,
    deadline: r.deadline,
    cadence: r.cadence,
    binding: r.binding,
    note: r.note ?? null,
  }));
}

function checkFormat(format: string, allowed: string[]): void {
  if (!allowed.includes(format))
    throw new UsageError(`--format must be one of ${allowed.join(', ')} (got "${format}")`);
}

/** Register `plans list`, `plans show` and `plans lint`. */
export function registerPlans(program: Command, ctx: Ctx): void {
  const plans = program
    .command('plans')
    .description('list, show and lint policy plans (规划：列出、查看、检查)')
    .addHelpText(
      'after',
      '\nExamples:\n  vet-check plans list\n  vet-check plans show yongchuan-2024-2027 --lang en\n  vet-check plans lint my-plan.yaml --source document.txt\n',
    );

  plans
    .command('list')
    .description('list the built-in plans (列出内置规划)')
    .addOption(langOption())
    .option('--format <format>', 'table or json', 'table')
    .addHelpText(
      'after',
      '\nExamples:\n  vet-check plans list\n  vet-check plans list --format json --lang en\n',
    )
    .action(async (opts: ListOptions) => {
      checkFormat(opts.format, ['table', 'json']);
      const lang = resolveLang(opts.lang, ctx.io.env);
      const { loadPlanFile } = await import('../plan/load.js');
      const { builtinPlanIds } = await import('../plan/refs.js');
      const { PLANS_DIR } = await import('../plan/paths.js');
      const rows: {
        id: string;
        title: string;
        from: number | null;
        to: number | null;
        rules: number | null;
      }[] = [];
      const problems: Diagnostic[] = [];
      for (const id of builtinPlanIds()) {
        // listing needs the schema only: `plans lint` and the tests check the rest
        const { plan, diagnostics } = loadPlanFile(join(PLANS_DIR, `${id}.yaml`), `plans/${id}.yaml`, {
          lint: false,
        });
        problems.push(...diagnostics);
        rows.push({
          id,
          title: plan ? plan.title[lang] : '',
          from: plan?.horizon.from ?? null,
          to: plan?.horizon.to ?? null,
          rules: plan ? plan.rules.length : null,
        });
      }
      const colour = useColour(ctx.io);
      if (opts.format === 'json') ctx.io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      else {
        const head =
          lang === 'zh' ? ['编号', '标题', '规划期', '规则数'] : ['id', 'title', 'horizon', 'rules'];
        const body = rows.map((r) => [
          r.id,
          r.title,
          r.from === null ? '—' : `${r.from}–${r.to}`,
          r.rules === null ? '—' : String(r.rules),
        ]);
        ctx.io.stdout(await table(head, body, colour));
      }
      const errors = problems.filter((d) => d.severity === 'error');
      if (errors.length > 0) {
        ctx.io.stderr(await renderDiagnostics(errors, lang, false));
        ctx.exit = EXIT_INVALID;
      }
    });

  plans
    .command('show')
    .description('show the rules of a plan, by built-in id or file (查看规划的规则)')
    .argument('<plan>', 'a built-in plan id or a path to a plan file')
    .addOption(langOption())
    .option('--format <format>', 'table or json', 'table')
    .addHelpText(
      'after',
      '\nExamples:\n  vet-check plans show yongchuan-2024-2027\n  vet-check plans show ./my-plan.yaml --format json\n',
    )
    .action(async (ref: string, opts: ListOptions) => {
      checkFormat(opts.format, ['table', 'json']);
      const lang = resolveLang(opts.lang, ctx.io.env);
      const { getPlan } = await import('../plan/builtin.js');
      const { plan, diagnostics } = await getPlan(ref, ctx.io.cwd);
      if (diagnostics.length > 0) ctx.io.stderr(await renderDiagnostics(diagnostics, lang, false));
      if (!plan) {
        ctx.exit = EXIT_INVALID;
        return;
      }
      if (opts.format === 'json') {
        ctx.io.stdout(`${JSON.stringify(planRulesJson(plan), null, 2)}\n`);
        return;
      }
      const { describeTarget } = await import('../plan/format.js');
      const head =
        lang === 'zh'
          ? ['编号', '标题', '指标', '目标', '期限', '节奏', '约束']
          : ['id', 'title', 'metric', 'target', 'deadline', 'cadence', 'binding'];
      const body = plan.rules.map((r) => [
        r.id,
        r.title[lang],
        r.metric ?? '—',
        describeTarget(r.target, r.unit, lang),
        String(r.deadline),
        r.cadence,
        r.binding,
      ]);
      ctx.io.stdout(
        `${plan.title[lang]} (${plan.documentNumber}, ${plan.horizon.from}–${plan.horizon.to})\n`,
      );
      ctx.io.stdout(await table(head, body, useColour(ctx.io)));
    });

  plans
    .command('lint')
    .description('check plan files: YAML, schema and meaning (检查规划文件)')
    .argument('<files...>', 'plan files (or built-in ids)')
    .option('--source <file>', 'the document text: every quote must be found in it verbatim')
    .option('--strict', 'exit 1 on warnings too')
    .addOption(langOption())
    .option('--format <format>', 'text or json', 'text')
    .addHelpText(
      'after',
      '\nExit codes: 0 clean, 2 errors, 1 warnings with --strict.\n\nExamples:\n' +
        '  vet-check plans lint plans/yongchuan-2024-2027.yaml\n' +
        '  vet-check plans lint my-plan.yaml --source document.txt --strict\n' +
        '  vet-check plans lint a.yaml b.yaml --format json\n',
    )
    .action(async (files: string[], opts: LintOptions) => {
      checkFormat(opts.format, ['text', 'json']);
      const lang = resolveLang(opts.lang, ctx.io.env);
      const { loadPlanFile } = await import('../plan/load.js');
      const { resolvePlanRef } = await import('../plan/refs.js');
      const { readTextFile } = await import('../plan/read.js');
      const { diag, renderMessage, sortDiagnostics, countBySeverity } = await import(
        '../diagnostics/diagnostic.js'
      );
      const all: Diagnostic[] = [];
      let sourceText: string | undefined;
      if (opts.source !== undefined) {
        const src = readTextFile(resolve(ctx.io.cwd, opts.source), opts.source);
        if (src.text === null) {
          ctx.io.stderr(await renderDiagnostics(src.diagnostics, lang, false));
          ctx.exit = EXIT_INVALID;
          return;
        }
        sourceText = src.text;
      }
      for (const f of files) {
        const target = resolvePlanRef(f, ctx.io.cwd);
        if (!target) {
          all.push(diag('plan/not-found', { ref: f, builtins: '—' }, { file: f }));
          continue;
        }
        const lint = sourceText === undefined ? {} : { sourceText, sourceFile: opts.source };
        all.push(...loadPlanFile(target.path, target.display, lint).diagnostics);
      }
      const counts = countBySeverity(all);
      if (opts.format === 'json') {
        const out = sortDiagnostics(all).map((d) => ({ ...d, message: renderMessage(d, lang) }));
        ctx.io.stdout(`${JSON.stringify(out, null, 2)}\n`);
      } else {
        ctx.io.stdout(await renderDiagnostics(all, lang, useColour(ctx.io)));
        ctx.io.stdout(
          lang === 'zh'
            ? `${files.length} 个文件：${counts.error} 个错误，${counts.warning} 个警告\n`
            : `${files.length} file(s): ${counts.error} error(s), ${counts.warning} warning(s)\n`,
        );
      }
      ctx.exit = counts.error > 0 ? EXIT_INVALID : opts.strict && counts.warning > 0 ? EXIT_FAIL : EXIT_OK;
    });
}
