import { spawn } from 'node:child_process';
import {
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { UsageError } from '../../src/cli/io.js';
import { checkOutputPath, writeOutput } from '../../src/cli/output.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function io(cwd: string): Io & { out: string[] } {
  const out: string[] = [];
  return {
    out,
    stdout: (t) => out.push(t),
    stderr: () => {},
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: {},
    cwd,
  };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'vet-check-out-'));
}

function expectUsage(fn: () => unknown): void {
  expect(fn).toThrow(UsageError);
}

describe('checkOutputPath', () => {
  it('refuses the output being an input, however it is spelled', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'data.csv'), 'a,b\n');
    mkdirSync(join(dir, 'sub'));
    expectUsage(() => checkOutputPath('data.csv', ['data.csv'], dir));
    expectUsage(() => checkOutputPath(join(dir, 'data.csv'), ['./data.csv'], dir));
    expectUsage(() => checkOutputPath('sub/../data.csv', ['data.csv'], dir));
    symlinkSync(join(dir, 'data.csv'), join(dir, 'link.csv'));
    expectUsage(() => checkOutputPath('link.csv', ['data.csv'], dir));
    linkSync(join(dir, 'data.csv'), join(dir, 'hard.csv'));
    expectUsage(() => checkOutputPath('hard.csv', ['data.csv'], dir));
  });

  it('refuses an input not yet existing under its resolved name, and a directory or missing directory', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    symlinkSync(join(dir, 'sub'), join(dir, 'alias'));
    expectUsage(() => checkOutputPath('alias/new.csv', ['sub/new.csv'], dir));
    expectUsage(() => checkOutputPath('sub', [], dir));
    expectUsage(() => checkOutputPath('missing/out.json', [], dir));
  });

  it('accepts another file beside the input', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'data.csv'), 'a,b\n');
    expect(() => checkOutputPath('report.json', ['data.csv'], dir)).not.toThrow();
  });

  it('names the code in the message of the refusal', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'data.csv'), 'a,b\n');
    expect(() => checkOutputPath('data.csv', ['data.csv'], dir, 'zh')).toThrow(/data\.csv/);
  });
});

describe('writeOutput', () => {
  it('writes to stdout without a path', async () => {
    const i = io(tempDir());
    expect(await writeOutput(undefined, 'hello\n', i, { inputs: [] })).toBe('written');
    expect(i.out).toEqual(['hello\n']);
  });

  it('writes the file in full and leaves no temporary file', async () => {
    const dir = tempDir();
    const text = '报告\n'.repeat(100000);
    const r = await writeOutput('out.txt', text, io(dir), { inputs: [], chunkSize: 4096 });
    expect(r).toBe('written');
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe(text);
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });

  it('replaces an existing file and adds a BOM when asked', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'out.csv'), 'old');
    await writeOutput('out.csv', 'a,b\n', io(dir), { inputs: [], bom: true });
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('\uFEFFa,b\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('refuses to overwrite an input and leaves it untouched', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'data.csv'), 'a,b\n');
    await expect(writeOutput('data.csv', 'x', io(dir), { inputs: ['data.csv'] })).rejects.toThrow(UsageError);
    expect(readFileSync(join(dir, 'data.csv'), 'utf8')).toBe('a,b\n');
  });

  it('stops on SIGINT between chunks: no temporary file, the old file unchanged', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'out.txt'), 'old');
    let sent = false;
    const r = await writeOutput('out.txt', 'x'.repeat(64 * 1024), io(dir), {
      inputs: [],
      chunkSize: 1024,
      onChunk: () => {
        if (!sent) {
          sent = true;
          process.emit('SIGINT');
        }
      },
    });
    expect(r).toBe('interrupted');
    expect(readdirSync(dir)).toEqual(['out.txt']);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('old');
  });
});

// A real process and a real signal: the child writes slowly and is sent SIGINT mid-write.
describe('Ctrl-C during a write, in a child process', () => {
  let build: string;

  beforeAll(() => {
    // transpile src/cli/output.ts and what it imports to plain JS (Node 20 cannot run TypeScript)
    build = tempDir();
    const seen = new Set<string>();
    const queue = [join(repo, 'src', 'cli', 'output.ts')];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      const js = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      }).outputText;
      const out = join(build, relative(repo, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, js);
      for (const m of source.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g))
        queue.push(join(dirname(file), `${m[1]}.ts`));
    }
    writeFileSync(
      join(build, 'child.mjs'),
      `import { writeOutput } from ${JSON.stringify(pathToFileURL(join(build, 'src/cli/output.js')).href)};
const [target] = process.argv.slice(2);
const io = { stdout() {}, stderr: (t) => process.stderr.write(t), stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: process.cwd() };
let told = false;
const r = await writeOutput(target, 'x'.repeat(4 * 1024 * 1024), io, {
  inputs: [],
  chunkSize: 64 * 1024,
  onChunk: async () => {
    if (!told) { told = true; process.send('writing'); }
    await new Promise((done) => setTimeout(done, 20));
  },
});
process.exitCode = r === 'interrupted' ? 130 : 0;
`,
    );
  });

  function runChild(dir: string): Promise<number | null> {
    return new Promise((done, reject) => {
      const child = spawn(process.execPath, [join(build, 'child.mjs'), 'out.txt'], {
        cwd: dir,
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      child.on('message', () => child.kill('SIGINT'));
      child.on('error', reject);
      child.on('exit', (code) => done(code));
    });
  }

  it('exits 130 and leaves neither a partial file nor a temporary file', async () => {
    const dir = tempDir();
    expect(await runChild(dir)).toBe(130);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves an existing file as it was', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'out.txt'), 'previous report');
    expect(await runChild(dir)).toBe(130);
    expect(readdirSync(dir)).toEqual(['out.txt']);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('previous report');
  });
});
