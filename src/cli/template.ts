import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { resolveLang, UsageError } from './io.js';
import { type Ctx, langOption } from './run.js';

interface TemplateCliOptions {
  lang?: string;
  quarterly?: boolean;
  indicators?: boolean;
  output?: string;
  force?: boolean;
}

/** Register the `template` command. */
export function registerTemplate(program: Command, ctx: Ctx): void {
  program
    .command('template')
    .description(
      'write an empty submission with the canonical headers (Chinese labels with --lang zh, ids with en)\n' +
        '生成带标准表头的空白填报表',
    )
    .option('--quarterly', 'include the quarter column (季度)')
    .option('--indicators', 'the region-level indicator file (所在区县, 年度, 指标, 数值)')
    .option('-o, --output <file>', 'write to a file (UTF-8 with BOM, for Excel) instead of stdout')
    .option('--force', 'overwrite an existing output file')
    .addOption(langOption())
    .action(async (o: TemplateCliOptions) => {
      const { loadDictionary } = await import('../plan/catalogue.js');
      const { templateCsv } = await import('../data/template.js');
      const lang = resolveLang(o.lang, ctx.io.env);
      const text = templateCsv(loadDictionary(), {
        lang,
        quarterly: Boolean(o.quarterly),
        indicators: Boolean(o.indicators),
      });
      if (o.output === undefined) {
        ctx.io.stdout(text);
        return;
      }
      const path = resolve(ctx.io.cwd, o.output);
      try {
        await writeFile(path, `\uFEFF${text}`, { encoding: 'utf8', flag: o.force ? 'w' : 'wx' });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST')
          throw new UsageError(`${o.output} already exists; use --force to overwrite it`);
        throw err;
      }
      ctx.io.stderr(lang === 'zh' ? `已写入 ${o.output}\n` : `wrote ${o.output}\n`);
    });
}
