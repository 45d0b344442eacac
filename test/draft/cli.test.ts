import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../src/cli/run.js';
import { textIo } from '../helpers/io.js';

const FIX = new URL('../../fixtures/draft/', import.meta.url).pathname;

async function cli(args: string[]) {
  const io = textIo(FIX, { LANG: 'en_US.UTF-8' });
  const code = await run(['draft', ...args], io);
  const stdout = io.out;
  const stderr = io.err;
  return { code, stdout, stderr, codes: [...stderr.matchAll(/ (draft\/[a-z-]+) /g)].map((m) => m[1]) };
}

describe('vet-check draft', () => {
  it('writes a plan in the schema layout with metadata, rules and quotes from the text', async () => {
    const r = await cli(['sample-policy.txt', '--id', 'sample']);
    expect(r.code).toBe(0);
    const plan = parse(r.stdout);
    expect(plan).toMatchObject({
      id: 'sample',
      title: { zh: '示例区职业教育提升计划（2025-2028年）' },
      issuer: '重庆市示例区人民政府办公室',
      documentNumber: '示例府办发〔2025〕7号',
      issued: '2025-03-09',
      horizon: { from: 2025, to: 2028 },
      region: { district: '示例区' },
    });
    const text = readFileSync(join(FIX, 'sample-policy.txt'), 'utf8');
    for (const rule of plan.rules) for (const s of rule.source) expect(text).toContain(s.quote);
    const byQuote = Object.fromEntries(
      plan.rules.map((x: { source: { quote: string }[] }) => [x.source[0]!.quote, x]),
    );
    expect(byQuote['在校生达5万人以上']).toMatchObject({
      metric: 'enrolled_students_total',
      target: { op: '>=', value: 50000 },
      unit: 'persons',
      deadline: 2028,
    });
    expect(byQuote['力争获批国家级科研平台1-2个']).toMatchObject({
      binding: 'aspirational',
      target: { min: 1, max: 2 },
    });
    expect(byQuote['社会培训每年不少于2万人次']).toMatchObject({ cadence: 'every-year' });
    expect(byQuote['培训人次保持逐年递增']).toMatchObject({
      cadence: 'increase',
      target: { trend: 'increase' },
    });
    expect(plan.rules.some((x: { metric: unknown }) => x.metric === null)).toBe(true);
    expect(r.codes).toContain('draft/unresolved-metric');
    expect(r.stdout).toMatch(/^# Drafted by `vet-check draft`/);
  });

  it('writes --output, and refuses to overwrite it without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vet-draft-'));
    const out = join(dir, 'plan.yaml');
    expect((await cli(['sample-policy.txt', '-o', out])).code).toBe(0);
    expect(parse(readFileSync(out, 'utf8')).rules.length).toBeGreaterThan(0);
    writeFileSync(out, 'keep');
    const again = await cli(['sample-policy.txt', '-o', out]);
    expect(again.code).toBe(2);
    expect(again.codes).toEqual(['draft/output-exists']);
    expect(readFileSync(out, 'utf8')).toBe('keep');
    expect((await cli(['sample-policy.txt', '-o', out, '--force'])).code).toBe(0);
  });

  it('reads GBK text and .docx', async () => {
    const gbk = await cli(['gbk-policy.txt']);
    expect(gbk.code).toBe(0);
    expect(gbk.stdout).toContain('毕业生就业率不低于95%');
    expect(gbk.codes).toContain('draft/encoding-detected');
    // every message names the document as it was typed
    expect(gbk.stderr).toMatch(/^gbk-policy\.txt info draft\/encoding-detected /m);
    expect(gbk.stderr).not.toContain(FIX);
    const docx = await cli(['docx-policy.docx']);
    expect(docx.code).toBe(0);
    expect(parse(docx.stdout).rules[0]).toMatchObject({
      binding: 'aspirational',
      target: { min: 2, max: 3 },
      deadline: 2026,
    });
  });

  it.each([
    ['bad-bytes.txt', 2, 'draft/mixed-encoding'],
    ['empty.txt', 2, 'draft/empty-document'],
    ['broken.docx', 2, 'draft/docx-unreadable'],
    ['no-targets.txt', 1, 'draft/no-targets'],
  ])('%s: exit %i with %s', async (file, exit, code) => {
    const r = await cli([file]);
    expect(r.code).toBe(exit);
    expect(r.codes).toContain(code);
    expect(r.stdout).toBe('');
  });

  it('rejects unsupported formats, a missing file and a bad --id with exit 2', async () => {
    expect((await cli(['policy.pdf'])).codes).toEqual(['draft/unsupported-format']);
    expect((await cli(['no-such-file.txt'])).code).toBe(2);
    expect((await cli(['sample-policy.txt', '--id', 'Bad Id'])).code).toBe(2);
  });
});

describe('vet-check draft --against', () => {
  it('lists targets the plan misses and quotes no longer in the text, exit 1', async () => {
    const r = await cli(['sample-policy.txt', '--against', 'sample-policy.yaml']);
    expect(r.code).toBe(1);
    expect(r.codes).toEqual(['draft/target-not-covered', 'draft/quote-not-in-text']);
    expect(r.stderr).toContain('设立不低于500万元发展基金');
    expect(r.stderr).toMatch(/sample-policy\.txt:\d+:\d+ warning draft\/target-not-covered/);
    expect(r.stderr).toContain('在校生达6万人以上');
  });

  it('exits 0 when the plan covers every target and every quote is in the text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vet-draft-'));
    const plan = join(dir, 'p.yaml');
    const r1 = await cli(['sample-policy.txt', '-o', plan]);
    expect(r1.code).toBe(0);
    const r = await cli(['sample-policy.txt', '--against', plan]);
    expect(r.code).toBe(0);
    expect(r.codes).toEqual([]);
  });
});
