import type { Command } from 'commander';
import type { Ctx } from './run.js';

/** Register the `validate` command. */
export function registerValidate(program: Command, ctx: Ctx): void {
  program
    .command('validate')
    .description('(not yet implemented)')
    .action(() => {
      ctx.io.stderr('vet-check validate: not yet implemented\n');
      ctx.exit = 2;
    });
}
