import type { Command } from 'commander';
import type { Ctx } from './run.js';

/** Register the `plans` command. */
export function registerPlans(program: Command, ctx: Ctx): void {
  program
    .command('plans')
    .description('(not yet implemented)')
    .action(() => {
      ctx.io.stderr('vet-check plans: not yet implemented\n');
      ctx.exit = 2;
    });
}
