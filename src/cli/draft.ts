import type { Command } from 'commander';
import type { Ctx } from './run.js';

/** Register the `draft` command. */
export function registerDraft(program: Command, ctx: Ctx): void {
  program
    .command('draft')
    .description('(not yet implemented)')
    .action(() => {
      ctx.io.stderr('vet-check draft: not yet implemented\n');
      ctx.exit = 2;
    });
}
