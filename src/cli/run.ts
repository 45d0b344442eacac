import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../version.js';
import { registerDraft } from './draft.js';
import { EXIT_INVALID, type ExitCode, type Io, processIo, UsageError } from './io.js';
import { registerPlans } from './plans.js';
import { registerReport } from './report.js';
import { registerTemplate } from './template.js';
import { registerValidate } from './validate.js';

/** Shared state of one invocation: the io and the exit code the action chose. */
export interface Ctx {
  io: Io;
  exit: ExitCode;
}

/** Build the commander program for one invocation. */
export function buildProgram(ctx: Ctx): Command {
  const program = new Command('vet-check');
  program
    .description(
      'Check vocational-education data against the quantitative targets of policy documents.\n' +
        '对照政策文件中的量化目标检查职业教育数据。\n\n' +
        'Exit codes / 退出码: 0 compliant (达标), 1 targets missed (未达标), 2 invalid input or usage (输入或用法错误)',
    )
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => ctx.io.stdout(s),
      writeErr: (s) => ctx.io.stderr(s),
    })
    .exitOverride();
  program.addHelpCommand(false);
  program.addHelpText(
    'after',
    '\nEnvironment / 环境变量: LANG, LC_ALL (language), NO_COLOR, FORCE_COLOR=0, CI (no progress bar),\n' +
      'SOURCE_DATE_EPOCH (generation time), VET_CHECK_THREAD=0 (CSV files of 32 MiB and more on one\n' +
      'thread: less CPU time, slower), VET_CHECK_DEBUG=1 (stack of an internal error); see the README.\n',
  );
  registerPlans(program, ctx);
  registerValidate(program, ctx);
  registerReport(program, ctx);
  registerTemplate(program, ctx);
  registerDraft(program, ctx);
  for (const cmd of program.commands) cmd.exitOverride().configureOutput(program.configureOutput());
  return program;
}

/** A --lang option shared by commands. */
export function langOption(): Option {
  return new Option('--lang <lang>', 'language of messages (default: from LANG, else zh)').choices([
    'zh',
    'en',
  ]);
}

/**
 * Run the CLI with the given arguments (without `node` and the script) and
 * return the exit code; never calls process.exit.
 */
export async function run(argv: string[], io: Io = processIo()): Promise<ExitCode> {
  const ctx: Ctx = { io, exit: 0 };
  const program = buildProgram(ctx);
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exit;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version end with code 0; usage errors were already printed by commander
      return err.exitCode === 0 ? 0 : EXIT_INVALID;
    }
    if (err instanceof UsageError) {
      io.stderr(`vet-check: ${err.message}\n`);
      return EXIT_INVALID;
    }
    const e = err as NodeJS.ErrnoException;
    if (e && (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'EISDIR')) {
      io.stderr(`vet-check: ${e.message}\n`);
      return EXIT_INVALID;
    }
    io.stderr(
      `vet-check: internal error: ${e?.message ?? String(err)}\n` +
        'This is a bug in vet-check; please report it with the command you ran.\n',
    );
    if (io.env['VET_CHECK_DEBUG']) io.stderr(`${e?.stack ?? ''}\n`);
    return EXIT_INVALID;
  }
}
