#!/usr/bin/env node
// Measures `vet-check draft` against the hand-written built-in plans: a hand
// rule is found when some drafted rule quotes an overlapping span of the text
// and has the same target (value or range or trend), deadline and binding.
// Recall = hand rules found / hand rules; precision = drafted rules that match
// some hand rule / drafted rules. Also reports how often the metric agrees.
// Run after `npx tsc -p tsconfig.build.json`:  node scripts/draft-quality.mjs [--verbose]
// Exit: 0 when recall is 1, 1 otherwise, 2 when an input is missing.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { overlaps, spansOf } from '../dist/draft/against.js';
import { draftPlan } from '../dist/draft/build.js';
import { loadMetricEntries } from '../dist/draft/load.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const SEEDS = process.env.VET_CHECK_SEEDS ?? '/work/shared/seeds';
const CASES = [
  { plan: 'plans/yongchuan-2024-2027.yaml', doc: `${SEEDS}/000_9e9614ef0118edfc.txt` },
  { plan: 'plans/dazu-2022-2025.yaml', doc: `${SEEDS}/001_9aa60cf3b7734d5b.txt` },
];
const verbose = process.argv.includes('--verbose');

const sameTarget = (h, d) => {
  if ('trend' in h) return 'trend' in d;
  if ('min' in h) return 'min' in d && Number(h.min) === Number(d.min) && Number(h.max) === Number(d.max);
  return 'value' in d && Number(h.value) === Number(d.value);
};

const metrics = await loadMetricEntries(`${root}plans/catalogue`);
let allHand = 0,
  allFound = 0,
  allDraft = 0,
  allMatched = 0,
  allMetric = 0;
for (const c of CASES) {
  let hand, text;
  try {
    hand = parse(readFileSync(`${root}${c.plan}`, 'utf8'));
    text = readFileSync(c.doc, 'utf8').replace(/^\uFEFF/, '');
  } catch (err) {
    process.stderr.write(`cannot read input: ${err.message}\n`);
    process.exit(2);
  }
  const { plan } = draftPlan(text, { metrics, sourceDocument: c.doc });
  const drafted = plan.rules.flatMap((r) => r.candidates.map((cand) => ({ rule: r, cand })));
  const matches = (h, d) =>
    (h.source ?? []).some((s) =>
      spansOf(text, s.quote).some(([a, b]) => overlaps(a, b, d.cand.start, d.cand.end)),
    ) &&
    sameTarget(h.target, d.rule.target) &&
    h.deadline === d.rule.deadline &&
    h.binding === d.rule.binding;
  let found = 0,
    metricAgree = 0;
  for (const h of hand.rules) {
    const hits = drafted.filter((d) => matches(h, d));
    if (hits.length) found++;
    if (hits.some((d) => d.rule.metric === h.metric)) metricAgree++;
    if (verbose && !hits.length)
      process.stdout.write(`  MISSED ${h.id} ${JSON.stringify(h.target)} ${h.deadline} ${h.binding}\n`);
    else if (verbose && !hits.some((d) => d.rule.metric === h.metric))
      process.stdout.write(
        `  metric differs ${h.id}: hand ${h.metric}, draft ${hits.map((d) => d.rule.metric).join('/')}\n`,
      );
  }
  const matchedDrafts = plan.rules.filter((r) =>
    r.candidates.some((cand) => hand.rules.some((h) => matches(h, { rule: r, cand }))),
  );
  if (verbose)
    for (const r of plan.rules)
      if (!matchedDrafts.includes(r)) process.stdout.write(`  EXTRA ${r.id} ${r.source[0].quote}\n`);
  const recall = found / hand.rules.length;
  const precision = matchedDrafts.length / plan.rules.length;
  process.stdout.write(
    `${c.plan}: recall ${found}/${hand.rules.length} = ${recall.toFixed(3)}, precision ${matchedDrafts.length}/${plan.rules.length} = ${precision.toFixed(3)}, metric agrees on ${metricAgree}/${hand.rules.length}\n`,
  );
  allHand += hand.rules.length;
  allFound += found;
  allDraft += plan.rules.length;
  allMatched += matchedDrafts.length;
  allMetric += metricAgree;
}
process.stdout.write(
  `overall: recall ${allFound}/${allHand} = ${(allFound / allHand).toFixed(3)}, precision ${allMatched}/${allDraft} = ${(allMatched / allDraft).toFixed(3)}, metric agrees on ${allMetric}/${allHand}\n`,
);
process.exit(allFound === allHand ? 0 : 1);
