import { existsSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Diagnostic, Lang } from '../diagnostics/types.js';
import { visible } from '../util/visible.js';
import { EXIT_FAIL, EXIT_INVALID, EXIT_OK, resolveLang } from './io.js';
import { type Ctx, langOption } from './run.js';

interface DraftCliOptions {
  id?: string;
  output?: string;
  force?: boolean;
  against?: string;
  lang?: string;
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

/** Register the `draft` command: a draft plan from a policy document, or a comparison with a plan. */
export function registerDraft(program: Command, ctx: Ctx): void {
  program
    .command('draft')
    .description(
      'draft a plan from a policy document (.txt in UTF-8/GB18030, or .docx), or compare it with a plan\n' +
        '从政策文件（.txt 或 .docx）起草计划，或与已有计划对照',
    )
    .argument('<document>', 'the policy document: .txt (UTF-8, UTF-8 with BOM, GBK/GB18030) or .docx')
    .option('--id <id>', 'plan id (default: from the file name)')
    .option('-o, --output <file>', 'write the plan to this file instead of stdout')
    .option('--force', 'overwrite --output if it exists')
    .option(
      '--against <plan>',
      'compare with a plan (its id or file): list targets it misses and quotes no longer in the text',
    )
    .addOption(langOption())
    .action(async (document: string, opts: DraftCliOptions) => {
      const lang = resolveLang(opts.lang, ctx.io.env);
      const { DraftError, renderDraft, draftDiag } = await import('../draft/diag.js');
      // the document's path as the user typed it, not resolved
      const typed = (file: string) => (file === resolve(ctx.io.cwd, document) ? document : file);
      const print = (ds: readonly Diagnostic[]) => {
        for (const d of ds) {
          const where = d.file
            ? `${visible(typed(d.file))}${d.line ? `:${d.line}:${d.column ?? 1}` : ''} `
            : '';
          ctx.io.stderr(`${where}${d.severity} ${d.code} ${renderDraft(d, lang)}\n`);
        }
      };
      if (opts.id !== undefined && !ID.test(opts.id)) {
        ctx.io.stderr(
          `vet-check draft: --id ${visible(JSON.stringify(opts.id))} must be lower-case letters, digits and dashes, e.g. yongchuan-2024-2027\n`,
        );
        ctx.exit = EXIT_INVALID;
        return;
      }
      if (
        opts.output &&
        opts.against === undefined &&
        !opts.force &&
        existsSync(resolve(ctx.io.cwd, opts.output))
      ) {
        print([draftDiag('draft/output-exists', { file: opts.output })]);
        ctx.exit = EXIT_INVALID;
        return;
      }
      try {
        const path = resolve(ctx.io.cwd, document);
        const { readDocument, loadMetricEntries } = await import('../draft/load.js');
        const { CATALOGUE_DIR } = await import('../plan/paths.js');
        const decoded = await readDocument(path);
        print(decoded.diagnostics);
        if (opts.against !== undefined) {
          ctx.exit = await against(ctx, decoded.text, document, opts.against, lang, print);
          return;
        }
        const { draftPlan } = await import('../draft/build.js');
        const { planToYaml } = await import('../draft/to-yaml.js');
        const metrics = await loadMetricEntries(CATALOGUE_DIR);
        const result = draftPlan(decoded.text, {
          metrics,
          sourceDocument: document,
          ...(opts.id ? { id: opts.id } : {}),
        });
        print(result.diagnostics);
        if (result.plan.rules.length === 0) {
          print([draftDiag('draft/no-targets', {}, document)]);
          ctx.exit = EXIT_FAIL;
          return;
        }
        const yamlText = planToYaml(result.plan, { source: document.replace(/^.*[\\/]/, '') });
        if (opts.output) {
          const out = resolve(ctx.io.cwd, opts.output);
          // Write beside the target and rename, so a failed write never leaves half a plan.
          const tmp = `${out}.${process.pid}.tmp`;
          await writeFile(tmp, yamlText, 'utf8');
          await rename(tmp, out);
        } else {
          ctx.io.stdout(yamlText);
        }
        const unresolved = result.plan.rules.filter((r) => r.metric === null).length;
        ctx.io.stderr(
          lang === 'zh'
            ? `已起草 ${result.plan.rules.length} 条规则（${result.candidates.length} 处目标），其中 ${unresolved} 条 metric 为 null${opts.output ? `，写入 ${visible(opts.output)}` : ''}\n`
            : `drafted ${result.plan.rules.length} rules (${result.candidates.length} targets), ${unresolved} with metric: null${opts.output ? `; written to ${visible(opts.output)}` : ''}\n`,
        );
        ctx.exit = EXIT_OK;
      } catch (err) {
        if (err instanceof DraftError) {
          print([err.diagnostic]);
          ctx.exit = EXIT_INVALID;
          return;
        }
        throw err;
      }
    });
}

async function against(
  ctx: Ctx,
  text: string,
  document: string,
  planArg: string,
  lang: Lang,
  print: (ds: readonly Diagnostic[]) => void,
): Promise<0 | 1> {
  const { PLANS_DIR } = await import('../plan/paths.js');
  const { readPlanQuotes } = await import('../draft/load.js');
  const { extractTargets } = await import('../draft/extract.js');
  const { compareWithPlan } = await import('../draft/against.js');
  const { positionAt } = await import('../draft/segment.js');
  const { draftDiag } = await import('../draft/diag.js');
  const asFile = resolve(ctx.io.cwd, planArg);
  const planPath = existsSync(asFile) || !ID.test(planArg) ? asFile : resolve(PLANS_DIR, `${planArg}.yaml`);
  const rules = await readPlanQuotes(planPath);
  const candidates = extractTargets(text);
  const result = compareWithPlan(text, candidates, rules);
  const ds: Diagnostic[] = [];
  for (const c of result.uncovered) {
    const d = draftDiag('draft/target-not-covered', { section: c.section, quote: c.quote }, document);
    Object.assign(d, positionAt(text, c.start));
    ds.push(d);
  }
  for (const s of result.stale)
    ds.push(draftDiag('draft/quote-not-in-text', { rule: s.rule, quote: s.quote }, planArg));
  print(ds);
  ctx.io.stdout(
    lang === 'zh'
      ? `${candidates.length} 处目标，${result.covered} 处已有规则，${result.uncovered.length} 处未编入；${result.stale.length} 条引文不在文中\n`
      : `${candidates.length} targets, ${result.covered} covered, ${result.uncovered.length} not in the plan; ${result.stale.length} quotes not in the text\n`,
  );
  return result.uncovered.length === 0 && result.stale.length === 0 ? 0 : 1;
}
