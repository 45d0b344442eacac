import { expect, test } from 'vitest';
import { run } from '../../src/cli/run.js';
import { builtinPlanIds } from '../../src/plan/refs.js';
import { textIo } from '../helpers/io.js';

function fakeIo(env: Record<string, string> = {}) {
  return textIo(process.cwd(), env);
}

async function cli(...argv: string[]) {
  const io = fakeIo();
  const code = await run(argv, io);
  return { code, out: io.out, err: io.err };
}

const VALID = 'fixtures/plans/valid/minimal.yaml';
const LINT = 'fixtures/plans/lint';

test('plans list: table and json', async () => {
  const json = await cli('plans', 'list', '--format', 'json', '--lang', 'en');
  expect(json.code).toBe(0);
  const rows = JSON.parse(json.out) as { id: string; rules: number }[];
  expect(rows.map((r) => r.id)).toEqual(builtinPlanIds());
  for (const r of rows) expect(r.rules).toBeGreaterThan(0);
  const table = await cli('plans', 'list', '--lang', 'zh');
  expect(table.code).toBe(0);
  expect(table.out).toContain('规则数');
  expect(table.out).not.toMatch(/\x1b\[/);
});

test('plans show: a user file works like a built-in id', async () => {
  const t = await cli('plans', 'show', VALID, '--lang', 'zh');
  expect(t.code).toBe(0);
  expect(t.out).toContain('≥ 80%');
  const j = await cli('plans', 'show', VALID, '--format', 'json');
  expect(j.code).toBe(0);
  const rules = JSON.parse(j.out);
  expect(rules[0]).toMatchObject({
    id: 'dual-teacher-ratio',
    plan: 'test-minimal',
    metric: 'dual_qualified_teacher_ratio',
    comparator: '>=',
    value: '0.80',
    min: null,
    max: null,
    unit: 'ratio',
    deadline: 2027,
    cadence: 'by-deadline',
    binding: 'required',
    note: null,
  });
  expect(rules[0].quote).toBe('“双师型”教师占比达80%以上');
});

test('plans show: an unknown plan or a broken file exits 2 with a diagnostic', async () => {
  const r = await cli('plans', 'show', 'no-such-plan');
  expect(r.code).toBe(2);
  expect(r.err).toContain('plan/not-found');
  const b = await cli('plans', 'show', `${LINT}/unknown-metric/plan.yaml`);
  expect(b.code).toBe(2);
  expect(b.err).toContain(`${LINT}/unknown-metric/plan.yaml:15:13 error plan/unknown-metric`);
});

test('plans lint: exit codes 0, 2, and 1 with --strict on warnings', async () => {
  expect((await cli('plans', 'lint', VALID)).code).toBe(0);
  const bad = await cli('plans', 'lint', `${LINT}/ratio-above-one/plan.yaml`, '--lang', 'en');
  expect(bad.code).toBe(2);
  expect(bad.out).toMatch(/plan\.yaml:16:32 error plan\/ratio-above-one .*0\.80/);
  const warn = `${LINT}/conflicting-targets/plan.yaml`;
  expect((await cli('plans', 'lint', warn)).code).toBe(0);
  expect((await cli('plans', 'lint', warn, '--strict')).code).toBe(1);
});

test('plans lint --source checks quotes; --format json gives codes and positions', async () => {
  const dir = `${LINT}/quote-not-found`;
  const r = await cli(
    'plans',
    'lint',
    `${dir}/plan.yaml`,
    '--source',
    `${dir}/source.txt`,
    '--format',
    'json',
  );
  expect(r.code).toBe(2);
  const ds = JSON.parse(r.out);
  expect(ds.map((d: { code: string; line: number; column: number }) => [d.code, d.line, d.column])).toEqual([
    ['plan/quote-not-found', 14, 16],
  ]);
  expect(typeof ds[0].message).toBe('string');
  const missing = await cli('plans', 'lint', VALID, '--source', 'no/such/file.txt');
  expect(missing.code).toBe(2);
  expect(missing.err).toContain('plan/read-error');
});

test('help has examples; a bad --format is a usage error', async () => {
  for (const sub of ['list', 'show', 'lint']) {
    const h = await cli('plans', sub, '--help');
    expect(h.code).toBe(0);
    expect(h.out).toContain('Examples:');
  }
  const f = await cli('plans', 'list', '--format', 'xml');
  expect(f.code).toBe(2);
});
