import type { Command } from 'commander';
import type { Ctx } from './run.js';

/** Register the `template` command. */
export function registerTemplate(program: Command, ctx: Ctx): void {
  program
    .command('template')
    .description('(not yet implemented)')
    .action(() => {
      ctx.io.stderr('vet-check template: not yet implemented\n');
      ctx.exit = 2;
    });
}
