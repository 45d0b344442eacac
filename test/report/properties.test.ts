import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/diagnostics/types.js';
import { FORMATS, isFormat, loadFormatter } from '../../src/report/registry.js';
import type { ReportModel, ReportOptions } from '../../src/report/types.js';
import { dazu, multiModel, singleModel, yongchuan } from './fixtures.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LANGS: Lang[] = ['zh', 'en'];

async function render(fmt: string, model: ReportModel, o: Partial<ReportOptions> = {}): Promise<string> {
  if (!isFormat(fmt)) throw new Error(fmt);
  const f = await loadFormatter(fmt);
  return f(model, { lang: 'zh', colour: false, byInstitution: true, toFile: false, ...o });
}

/** Display width of a line as a CJK terminal shows it: East Asian wide and fullwidth characters count 2. */
function displayWidth(line: string): number {
  let w = 0;
  for (const ch of line.replace(/\u001b\[[0-9;]*m/g, '')) {
    const cp = ch.codePointAt(0)!;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

describe('registry', () => {
  it('knows the six formats and nothing else', () => {
    expect(FORMATS).toEqual(['table', 'json', 'csv', 'markdown', 'junit', 'html']);
    expect(isFormat('xml')).toBe(false);
    expect(isFormat('toString')).toBe(false);
  });
});

describe('untrusted text', () => {
  for (const fmt of ['table', 'markdown', 'csv', 'junit'] as const) {
    for (const lang of LANGS) {
      it(`${fmt} ${lang}: no raw ESC or other control byte from the data`, async () => {
        const out = await render(fmt, multiModel, { lang });
        expect(out).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
        const shown = { table: '\\x1b[31mred', csv: '\\x1b[31mred', markdown: '\\\\x1b\\[31mred', junit: '' }[
          fmt
        ];
        expect(out).toContain(shown);
      });
    }
  }

  it('markdown: a name cannot open a tag, a link or a new table row', async () => {
    const out = await render('markdown', multiModel);
    expect(out).not.toContain('<script>');
    expect(out).toContain('\\<script\\>');
    expect(out).toContain('A\\|B\\\\x0aC');
    // every table row has as many unescaped pipes as its header
    const lines = out.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]!.startsWith('| ') || !lines[i + 1]?.startsWith('| ---')) continue;
      const cells = (l: string) => l.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length;
      const n = cells(lines[i]!);
      for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++)
        expect(cells(lines[j]!)).toBe(n);
    }
  });
});

describe('table', () => {
  for (const lang of LANGS) {
    it(`${lang}: every line of each table has the same display width`, async () => {
      const out = await render('table', multiModel, { lang });
      const tables = out.split('\n').reduce<string[][]>((acc, line) => {
        if (line.startsWith('┌')) acc.push([]);
        if (/^[┌│├└]/.test(line)) acc[acc.length - 1]!.push(line);
        return acc;
      }, []);
      expect(tables.length).toBe(4);
      for (const t of tables) {
        const widths = new Set(t.map(displayWidth));
        expect([...widths]).toHaveLength(1);
      }
    });
  }

  it('colours only when asked, and the same text otherwise', async () => {
    const plain = await render('table', singleModel, { colour: false });
    const coloured = await render('table', singleModel, { colour: true });
    expect(plain).not.toContain('\u001b[');
    expect(coloured).toContain('\u001b[31m✘ 79.80%');
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
  });

  it('prints 79.995% as a failing 79.99%, 400/500 as 80.00%, 399/500 as 79.80% with a gap of 1', async () => {
    const out = await render('table', singleModel);
    expect(out).toContain('✘ 79.99%');
    expect(out).toContain('✔ 80.00%');
    expect(out).toContain('✘ 79.80%');
    expect(out).toContain('还需 1 名双师型教师');
    expect(out).not.toContain('80.00% *');
  });
});

describe('json', () => {
  const schema = JSON.parse(readFileSync(join(repo, 'schemas', 'report.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

  for (const [label, model] of [
    ['single', singleModel],
    ['multi', multiModel],
  ] as const) {
    for (const byInstitution of [true, false]) {
      it(`${label} (byInstitution ${byInstitution}) validates against schemas/report.schema.json`, async () => {
        const data = JSON.parse(await render('json', model, { byInstitution }));
        expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
      });
    }
  }

  it('one plan is an object, several an array', async () => {
    expect(Array.isArray(JSON.parse(await render('json', singleModel)))).toBe(false);
    expect(JSON.parse(await render('json', multiModel))).toHaveLength(2);
  });

  it('gives ratios exactly and as numbers', async () => {
    const data = JSON.parse(await render('json', singleModel));
    const r = data.results.find(
      (x: { ruleId: string; year: number }) => x.ruleId === 'practice-ratio' && x.year === 2026,
    );
    expect(r).toMatchObject({
      status: 'fail',
      actual: 0.79995,
      actualExact: '15999/20000',
      numerator: 15999,
    });
    expect(r.target).toEqual({ kind: 'compare', op: '>=', value: 0.8 });
    expect(r.gap).toEqual({ amount: 1, direction: 'more', unit: { zh: '课时', en: 'teaching hours' } });
  });

  it('keeps integers beyond 2^53 exact as strings', async () => {
    const big = 2n ** 60n + 1n;
    const plan = structuredClone(dazu);
    plan.rules[0]!.years[0]!.numerator = big;
    plan.rules[0]!.years[0]!.denominator = big;
    const data = JSON.parse(await render('json', { ...singleModel, plans: [plan] }));
    expect(data.results[0].numerator).toBe(big.toString());
    expect(validate(data)).toBe(true);
  });
});

describe('csv', () => {
  it('neutralises cells a spreadsheet would run as formulas', async () => {
    const out = await render('csv', multiModel);
    const rows: string[][] = parse(out);
    const cells = rows.flat();
    expect(cells).toContain(`'=HYPERLINK("http://evil")`);
    expect(cells).toContain(`'=1+1`);
    for (const c of cells) expect(c).not.toMatch(/^[=+\-@\t\r]/);
    expect(out).toContain(`"'=1+1"`);
  });

  it('has a BOM only for a file, and headers in the language', async () => {
    expect((await render('csv', singleModel, { toFile: true })).startsWith('\uFEFF')).toBe(true);
    expect((await render('csv', singleModel)).startsWith('\uFEFF')).toBe(false);
    expect((await render('csv', singleModel, { lang: 'en' })).split('\n')[0]).toMatch(
      /^plan,rule,title,year,status/,
    );
    expect((await render('csv', singleModel, { lang: 'zh' })).split('\n')[0]).toMatch(
      /^方案,规则,名称,年份,状态/,
    );
  });

  it('has one row per plan × rule × year without --by-institution', async () => {
    const rows: string[][] = parse(await render('csv', multiModel, { byInstitution: false }));
    const expected = [yongchuan, dazu].reduce(
      (n, p) => n + p.rules.reduce((m, r) => m + r.years.length, 0),
      0,
    );
    expect(rows.length - 1).toBe(expected);
  });
});

describe('junit', () => {
  for (const lang of LANGS) {
    it(`${lang}: is well-formed XML with one suite per plan and a failure per required fail`, async () => {
      const out = await render('junit', multiModel, { lang });
      expect(XMLValidator.validate(out)).toBe(true);
      const doc = new XMLParser({
        ignoreAttributes: false,
        isArray: (n) => ['testsuite', 'testcase'].includes(n),
      }).parse(out);
      const suites = doc.testsuites.testsuite;
      expect(suites).toHaveLength(2);
      const cases = suites[0].testcase as Record<string, unknown>[];
      expect(cases).toHaveLength(15);
      expect(cases.filter((c) => 'failure' in c).map((c) => c['@_name'])).toEqual([
        'dual-teacher-ratio 2027',
        'practice-ratio 2026',
        'enrolment-increase 2027',
      ]);
      expect(cases.filter((c) => 'skipped' in c)).toHaveLength(2);
      expect(suites[0]['@_failures']).toBe('3');
    });
  }

  it('stays well-formed whatever the names hold', async () => {
    const plan = structuredClone(yongchuan);
    plan.plan.id = 'a"b<c>&\u0001\uFFFE\uD800';
    plan.rules[0]!.ruleId = "x'\u0000y";
    plan.rules[0]!.years[2]!.gap!.unit = { zh: ']]>\u001f', en: ']]>\u001f' };
    const out = await render('junit', { ...singleModel, plans: [plan] });
    expect(XMLValidator.validate(out)).toBe(true);
  });
});
