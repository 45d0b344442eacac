import type { Io } from '../../src/cli/io.js';

/** A fake Io that captures what a command writes; not a terminal, fixed SOURCE_DATE_EPOCH. */
export interface CapturedIo extends Io {
  out: string[];
  err: string[];
  stdoutText(): string;
  stderrText(): string;
}

/** Build a capturing Io for `run(argv, io)`. */
export function captureIo(cwd: string, env: Record<string, string> = {}): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: { SOURCE_DATE_EPOCH: '1767225600', LANG: 'zh_CN.UTF-8', ...env },
    cwd,
    stdoutText: () => out.join(''),
    stderrText: () => err.join(''),
  };
}

/** The same capture with `out` and `err` as strings (for tests that match on the whole text). */
export function textIo(
  cwd: string,
  env: Record<string, string> = {},
): Io & { readonly out: string; readonly err: string } {
  const io = captureIo(cwd, env);
  return {
    stdout: io.stdout,
    stderr: io.stderr,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: io.env,
    cwd,
    get out() {
      return io.stdoutText();
    },
    get err() {
      return io.stderrText();
    },
  };
}
