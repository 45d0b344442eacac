import type { Command } from 'commander';
import type { Ctx } from './run.js';

/** Register the `report` command. */
export function registerReport(program: Command, ctx: Ctx): void {
  program
    .command('report')
    .description('(not yet implemented)')
    .action(() => {
      ctx.io.stderr('vet-check report: not yet implemented\n');
      ctx.exit = 2;
    });
}
