#!/usr/bin/env node
// Checks that every `source[].quote` of a plan is an exact substring of the
// document text, so a cited clause can always be found again.
// Usage: node scripts/check-quotes.mjs <plan.yaml> <document.txt>
// Exit: 0 all quotes found, 1 some quote missing, 2 bad arguments or unreadable input.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const [planPath, textPath] = process.argv.slice(2);
if (!planPath || !textPath) {
  process.stderr.write('usage: node scripts/check-quotes.mjs <plan.yaml> <document.txt>\n');
  process.exit(2);
}

let plan;
let text;
try {
  plan = parse(readFileSync(planPath, 'utf8'));
  text = readFileSync(textPath, 'utf8');
} catch (err) {
  process.stderr.write(`cannot read input: ${err.message}\n`);
  process.exit(2);
}

const rules = Array.isArray(plan?.rules) ? plan.rules : [];
let quotes = 0;
const missing = [];
for (const [i, rule] of rules.entries()) {
  const sources = Array.isArray(rule?.source) ? rule.source : [];
  if (sources.length === 0) missing.push({ id: rule?.id ?? `#${i + 1}`, section: '-', quote: '(no source)' });
  for (const src of sources) {
    quotes++;
    if (typeof src?.quote !== 'string' || !text.includes(src.quote)) {
      missing.push({ id: rule?.id ?? `#${i + 1}`, section: src?.section ?? '-', quote: String(src?.quote) });
    }
  }
}

// JSON.stringify makes odd spaces and control characters visible.
for (const m of missing) {
  process.stdout.write(`NOT FOUND  ${m.id}  [${m.section}]  ${JSON.stringify(m.quote)}\n`);
}
process.stdout.write(`${rules.length} rules, ${quotes} quotes, ${missing.length} not found\n`);
process.exit(missing.length > 0 ? 1 : 0);
