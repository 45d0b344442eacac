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
