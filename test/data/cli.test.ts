import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { textIo } from '../helpers/io.js';

const FIX = new URL('../../fixtures/data/', import.meta.url).pathname;

function fakeIo(cwd = FIX, env: Record<string, string> = {}) {
  return textIo(cwd, { LANG: 'en_US.UTF-8', ...env });
}

describe('vet-check validate', () => {
  it.each([
    [['clean/data.csv'], 0],
    [['clean-headers/data.csv'], 0],
    [['clean/data.csv', 'clean-headers/data.csv'], 2], // the same institution-year twice
    [['unknown-column/data.csv'], 0],
    [['unknown-column/data.csv', '--fail-on-warnings'], 1],
    [['constraint/data.csv'], 2],
    [['empty/data.csv'], 2],
    [['header-only/data.csv'], 0],
    [['missing.csv'], 2],
    [['clean/data.csv', '--period', '2025Q5'], 2],
    [['clean/data.csv', '--jump-factor', '0.5'], 2],
    [['clean/data.csv', '--format', 'yaml'], 2],
  ])('%j exits %i', async (args, code) => {
    expect(await run(['validate', ...args], fakeIo())).toBe(code);
  });

  it('prints compiler-style lines and a summary', async () => {
    const io = fakeIo();
    await run(['validate', 'constraint/data.csv'], io);
    expect(io.out).toBe(
      'constraint/data.csv:16:18 error data/constraint Dual-qualified teachers (412) is greater than Full-time teachers (390)\n' +
        '1 file, 15 rows read, 14 accepted, 1 rejected; 1 error, 0 warnings\n',
    );
    const zh = fakeIo(FIX, { LANG: 'zh_CN.UTF-8' });
    await run(['validate', 'constraint/data.csv'], zh);
    expect(zh.out).toContain(
      'constraint/data.csv:16:18 error data/constraint 双师型教师数 (412) 大于 专任教师数 (390)',
    );
  });

  it('writes JSON that the schema accepts, with the value made visible', async () => {
    const io = fakeIo();
    await run(['validate', 'invisible-char/data.csv', 'type-error/data.csv', '--format', 'json'], io);
    const out = JSON.parse(io.out);
    const schema = JSON.parse(
      readFileSync(new URL('../../schemas/validate.schema.json', import.meta.url), 'utf8'),
    );
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    expect(out.rowsRead).toBe(out.rowsAccepted + out.rowsRejected);
    expect(out.diagnostics[0]).toMatchObject({ code: 'data/invisible-char', line: 2, column: 1 });
    expect(out.diagnostics[0].value).toBe('00\\u200B1');
    expect(out.diagnostics[0].message).toContain('00\\u200B1');
  });

  it('writes GitHub annotations with escaped properties and data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vc-'));
    writeFileSync(join(dir, 'a,b:c.csv'), '院校代码,年度,专任教师数\n001,2025,"8\n5"\n');
    const io = fakeIo(dir);
    expect(await run(['validate', 'a,b:c.csv', '--format', 'github'], io)).toBe(2);
    const first = io.out.split('\n')[0]!;
    expect(first).toMatch(/^::error file=a%2Cb%3Ac\.csv,line=2,col=\d+,title=data\/[a-z-]+::/);
    expect(first).not.toContain('\n');
  });

  it('writes well-formed JUnit XML whatever the input holds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vc-'));
    writeFileSync(join(dir, 'x.csv'), '院校代码,年度,专任教师数\n"<&""\u001b>",2025,"]]>"\n');
    const io = fakeIo(dir);
    await run(['validate', 'x.csv', '--format', 'junit'], io);
    expect(io.out).toContain('<testcase classname="vet-check.validate" name="x.csv">');
    expect(io.out).toContain('&lt;&amp;&quot;\\x1b&gt;');
    expect(io.out).toContain(']]&gt;');
    expect(io.out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(io.out).not.toContain(']]>,');
  });

  it('stops listing after --max-errors and says how many more', async () => {
    const io = fakeIo();
    expect(await run(['validate', 'type-error/data.csv', '--max-errors', '2'], io)).toBe(2);
    expect(io.out).toContain('3 more errors not listed');
    expect(io.out).toContain('5 errors');
  });

  it('checks a period against a registry', async () => {
    const io = fakeIo();
    const code = await run(
      [
        'validate',
        'incomplete-period/data.csv',
        '--institutions',
        'incomplete-period/registry.csv',
        '--period',
        '2025Q3',
      ],
      io,
    );
    expect(code).toBe(2);
    expect(io.out).toContain('incomplete-period/registry.csv:3:1 error data/incomplete-period');
  });
});

describe('validate with the real readers', () => {
  it('reads JSONL with the same header and value rules', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vc-'));
    writeFileSync(
      join(dir, 'd.jsonl'),
      '{"院校代码":"001","年度":2025,"专任教师数（人）":390}\n{"院校代码":"002","年度":2025,"专任教师数":1e2}\n',
    );
    const io = fakeIo(dir);
    expect(await run(['validate', 'd.jsonl', '--format', 'json'], io)).toBe(2);
    const out = JSON.parse(io.out);
    expect(out.diagnostics.map((d: { code: string; line: number }) => [d.code, d.line])).toEqual([
      ['data/type-error', 2],
    ]);
    expect(out.diagnostics[0].value).toBe('1e2');
    expect(out).toMatchObject({ rowsRead: 2, rowsAccepted: 1, rowsRejected: 1 });
  });

  it('reads a GBK file (detected or forced) with Chinese headers', async () => {
    const iconv = (await import('iconv-lite')).default;
    const dir = mkdtempSync(join(tmpdir(), 'vc-'));
    writeFileSync(
      join(dir, 'g.csv'),
      iconv.encode('院校代码,院校名称,年度,专任教师数\n001,甲职校,2025,390\n', 'gbk'),
    );
    const detected = fakeIo(dir);
    expect(await run(['validate', 'g.csv', '--format', 'json'], detected)).toBe(0);
    // the file's encoding as detected while reading (not the UTF-8 it was first taken for)
    expect(JSON.parse(detected.out).files[0].encoding).toBe('gb18030');
    const io = fakeIo(dir);
    expect(await run(['validate', 'g.csv', '--encoding', 'gbk', '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ rowsAccepted: 1, diagnostics: [] });
    expect(JSON.parse(io.out).files[0].encoding).toBe('gb18030');
  });
});

describe('vet-check template', () => {
  it('prints Chinese labels without BOM to stdout', async () => {
    const io = fakeIo(FIX, { LANG: 'zh_CN.UTF-8' });
    expect(await run(['template'], io)).toBe(0);
    expect(io.out.startsWith('院校代码,院校名称,所在区县,办学层次,年度,专任教师数')).toBe(true);
    expect(io.out).not.toContain('季度');
  });

  it('prints ids with --lang en, the quarter with --quarterly, the indicator file with --indicators', async () => {
    const io = fakeIo();
    await run(['template', '--lang', 'en', '--quarterly'], io);
    expect(io.out.startsWith('institution_id,institution_name,district,level,year,quarter,')).toBe(true);
    const ind = fakeIo();
    await run(['template', '--indicators', '--lang', 'zh'], ind);
    expect(ind.out).toBe('所在区县,年度,指标,数值\r\n');
  });

  it('writes a file with a BOM and refuses to overwrite it without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vc-'));
    expect(await run(['template', '--output', 't.csv', '--lang', 'zh'], fakeIo(dir))).toBe(0);
    expect(readFileSync(join(dir, 't.csv'), 'utf8').startsWith('\uFEFF院校代码')).toBe(true);
    const io = fakeIo(dir);
    expect(await run(['template', '--output', 't.csv'], io)).toBe(2);
    expect(io.err).toContain('--force');
    expect(await run(['template', '--output', 't.csv', '--force', '--lang', 'en'], fakeIo(dir))).toBe(0);
    expect(readFileSync(join(dir, 't.csv'), 'utf8').startsWith('\uFEFFinstitution_id')).toBe(true);
  });

  it('a template validates with only a no-rows warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vc-'));
    await run(['template', '--output', 't.csv', '--lang', 'zh', '--quarterly'], fakeIo(dir));
    const io = fakeIo(dir);
    expect(await run(['validate', 't.csv'], io)).toBe(0);
    expect(io.out).toContain('data/no-rows');
  });
});
