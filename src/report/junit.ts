import { renderMessage } from '../diagnostics/diagnostic.js';
import type { Lang } from '../diagnostics/types.js';
import type { PlanResult, RuleResult, RuleYearResult } from '../engine/types.js';
import { visible } from '../util/visible.js';
import {
  bindingLabel,
  expectedText,
  formatValue,
  gapText,
  planHeading,
  reasonText,
  ruleTitle,
  statusLabel,
  targetText,
} from './display.js';
import type { Formatter, ReportModel } from './types.js';

// Characters XML 1.0 forbids: C0 controls but tab, LF, CR; lone surrogates; U+FFFE, U+FFFF.
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Make text safe in XML content and attribute values: drop the characters
 * XML 1.0 forbids, escape & < > " '. Untrusted text passes through
 * `visible` first, so its control characters show as `\x1b` rather than vanish.
 */
export function xml(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Untrusted text for XML: made visible, then escaped. */
function x(text: string): string {
  return xml(visible(text));
}

function describe(rule: RuleResult, y: RuleYearResult, lang: Lang): string {
  const sep = lang === 'zh' ? '：' : ': ';
  const lines = [
    `${lang === 'zh' ? '规则' : 'Rule'}${sep}${visible(rule.ruleId)} ${ruleTitle(rule, lang)}`,
    `${lang === 'zh' ? '目标' : 'Target'}${sep}${targetText(rule.target, rule.unit, lang)} (${bindingLabel(rule.binding, lang)}, ${rule.deadline})`,
    `${lang === 'zh' ? '实际值' : 'Actual'}${sep}${y.actual ? formatValue(y.actual, rule.unit, lang) : statusLabel('no_data', lang)}${
      y.numerator !== null && y.denominator !== null ? ` (${y.numerator}/${y.denominator})` : ''
    }`,
    `${lang === 'zh' ? '状态' : 'Status'}${sep}${statusLabel(y.status, lang)}`,
  ];
  const expected = expectedText(rule, y, lang);
  if (expected) lines.push(expected);
  if (y.gap) lines.push(gapText(y.gap, lang));
  if (y.reason) lines.push(reasonText(y.reason, lang));
  if (y.partial) lines.push(lang === 'zh' ? '部分季度数据' : 'partial year (some quarters missing)');
  return lines.map(xml).join('\n');
}

/**
 * One testcase. A required rule that fails is a <failure>; no data is
 * <skipped>; aspirational misses, exceeded ranges and milestones behind
 * schedule pass but carry a <system-out> note and a `status` property, so CI
 * stays green on them while the text keeps them visible.
 */
function testcase(plan: PlanResult, rule: RuleResult, y: RuleYearResult, lang: Lang): string {
  const open = `    <testcase name="${x(`${rule.ruleId} ${y.year}`)}" classname="${x(plan.plan.id)}" time="0"`;
  const body = describe(rule, y, lang);
  const message = y.gap ? gapText(y.gap, lang) : statusLabel(y.status, lang);
  const property = `      <properties>\n        <property name="status" value="${y.status}"/>\n      </properties>\n`;
  if (y.status === 'fail' && rule.binding === 'required') {
    return `${open}>\n${property}      <failure message="${xml(message)}" type="${y.status}">${body}</failure>\n    </testcase>`;
  }
  if (y.status === 'no_data') {
    const why = y.reason ? reasonText(y.reason, lang) : statusLabel('no_data', lang);
    return `${open}>\n${property}      <skipped message="${xml(why)}"/>\n    </testcase>`;
  }
  if (y.status === 'pass' || y.status === 'on_track') return `${open}>\n${property}    </testcase>`;
  return `${open}>\n${property}      <system-out>${xml(lang === 'zh' ? '警告：' : 'WARNING: ')}${body}</system-out>\n    </testcase>`;
}

interface Counts {
  tests: number;
  failures: number;
  skipped: number;
}

function count(plans: PlanResult[]): Counts {
  const c: Counts = { tests: 0, failures: 0, skipped: 0 };
  for (const plan of plans) {
    for (const rule of plan.rules) {
      for (const y of rule.years) {
        c.tests++;
        if (y.status === 'fail' && rule.binding === 'required') c.failures++;
        if (y.status === 'no_data') c.skipped++;
      }
    }
  }
  return c;
}

function suite(model: ReportModel, plan: PlanResult, lang: Lang): string {
  const cases = plan.rules.flatMap((rule) => rule.years.map((y) => testcase(plan, rule, y, lang)));
  const { tests, failures, skipped } = count([plan]);
  const attrs = `name="${x(planHeading(plan.plan, lang))}" id="${x(plan.plan.id)}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="0" timestamp="${xml(model.generatedAt)}"`;
  const notes = plan.diagnostics.map((d) => `${d.severity} ${d.code}: ${renderMessage(d, lang)}`);
  const out = notes.length > 0 ? `\n    <system-out>${notes.map(xml).join('\n')}</system-out>` : '';
  return `  <testsuite ${attrs}>\n${cases.join('\n')}${out}\n  </testsuite>`;
}

/** Render the report as JUnit XML for CI: one testsuite per plan, one testcase per rule and year. */
export const format: Formatter = (model, opts) => {
  const { tests, failures, skipped } = count(model.plans);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="vet-check" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="0">`,
    ...model.plans.map((plan) => suite(model, plan, opts.lang)),
    '</testsuites>',
    '',
  ].join('\n');
};
