import type { Lang } from '../diagnostics/types.js';

/** Exit codes: 0 compliant / clean, 1 targets missed (or warnings with --strict), 2 invalid input or usage. */
export const EXIT_OK = 0;
export const EXIT_FAIL = 1;
export const EXIT_INVALID = 2;
/** Interrupted by SIGINT. */
export const EXIT_INTERRUPTED = 130;

export type ExitCode = 0 | 1 | 2 | 130;

/** Where a command writes and what it knows of its environment; tests pass their own. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout is a terminal (colour allowed unless NO_COLOR). */
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Width of the stderr terminal, when known (the progress bar fits its line to it). */
  readonly stderrColumns?: number | undefined;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** The process's own io. Writes are synchronous-safe and stop quietly on EPIPE. */
export function processIo(): Io {
  const write = (stream: NodeJS.WriteStream) => (text: string) => {
    if (!stream.destroyed) stream.write(text);
  };
  for (const s of [process.stdout, process.stderr]) {
    s.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') s.destroy();
      else throw err;
    });
  }
  return {
    stdout: write(process.stdout),
    stderr: write(process.stderr),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    get stderrColumns() {
      return process.stderr.columns;
    },
    env: process.env,
    cwd: process.cwd(),
  };
}

/** The language from --lang, else from LC_ALL / LC_MESSAGES / LANG (zh* → zh), else zh. */
export function resolveLang(option: string | undefined, env: Record<string, string | undefined>): Lang {
  if (option === 'zh' || option === 'en') return option;
  const loc = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  if (/^en/i.test(loc)) return 'en';
  return 'zh';
}

/** Colour only on a terminal, and never with NO_COLOR set (any value) or FORCE_COLOR=0. */
export function useColour(io: Io): boolean {
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  if (io.env['FORCE_COLOR'] === '0') return false;
  return io.stdoutIsTTY;
}

/** A usage or input error that a command reports in one line and exits 2 with. */
export class UsageError extends Error {
  override name = 'UsageError';
}
