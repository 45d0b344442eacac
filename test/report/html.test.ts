import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/diagnostics/types.js';
import type { PlanResult, RuleResult } from '../../src/engine/types.js';
import { chartSpec, renderChart, yDomain } from '../../src/report/html/charts.js';
import { escapeHtml } from '../../src/report/html/escape.js';
import { CSP, format } from '../../src/report/html/index.js';
import { assertSafeSvg } from '../../src/report/html/svg-safe.js';
import type { ReportModel } from '../../src/report/types.js';
import { dazu, hostileInstitutions, multiModel, singleModel, yongchuan } from './fixtures.js';

const render = (model: ReportModel, lang: Lang = 'zh', byInstitution = false) =>
  format(model, { lang, colour: false, byInstitution, toFile: true }) as Promise<string>;

const HOSTILE = '<script>alert(1)</script>" onload="x\u001b[31m<img src=x onerror=alert(2)>';

/** Every tag name in a document, and every attribute name. */
function markup(html: string): { tags: Set<string>; attrs: Set<string> } {
  const tags = new Set<string>();
  const attrs = new Set<string>();
  for (const m of html.matchAll(/<\/?([A-Za-z][\w:-]*)([^>]*)>/g)) {
    tags.add(m[1]!.toLowerCase());
    // quoted values are consumed whole, so text inside a value never reads as an attribute
    for (const a of m[2]!.matchAll(/\s+([\w:-]+)(?:="[^"]*")?/g)) attrs.add(a[1]!.toLowerCase());
  }
  return { tags, attrs };
}

const OWN_TAGS = [
  '!doctype',
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'nav',
  'ol',
  'ul',
  'li',
  'a',
  'section',
  'header',
  'footer',
  'p',
  'dl',
  'dt',
  'dd',
  'div',
  'table',
  'caption',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'span',
  'blockquote',
  'figure',
  'figcaption',
  'code',
  'br',
];
const SVG_TAGS = ['svg', 'g', 'path', 'rect', 'line', 'circle', 'text', 'tspan', 'desc', 'defs', 'clippath'];

/** A model whose every plan and rule string is hostile. */
function hostileModel(): ReportModel {
  const rule: RuleResult = {
    ...yongchuan.rules[0]!,
    ruleId: HOSTILE,
    title: { zh: HOSTILE, en: HOSTILE },
    metricTitle: { zh: HOSTILE, en: HOSTILE },
    quotes: [HOSTILE],
    sections: [HOSTILE],
    note: HOSTILE,
  };
  const plan: PlanResult = {
    ...yongchuan,
    plan: {
      ...yongchuan.plan,
      title: { zh: HOSTILE, en: HOSTILE },
      issuer: HOSTILE,
      documentNumber: HOSTILE,
      district: HOSTILE,
    },
    rules: [rule],
    diagnostics: [{ code: HOSTILE, severity: 'info', params: { x: HOSTILE } }],
  };
  return {
    ...multiModel,
    generatedAt: HOSTILE,
    inputs: [{ ...multiModel.inputs[0]!, path: HOSTILE, encoding: HOSTILE, sha256: HOSTILE }],
    plans: [plan, plan],
    diagnostics: [{ code: HOSTILE, severity: 'warning', params: {}, file: HOSTILE, value: HOSTILE }],
  };
}

describe('escapeHtml', () => {
  it('escapes markup and makes control characters visible', () => {
    expect(escapeHtml('<a href="x">\'&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeHtml('\u001b[31mred\u001b[0m\n\u202e')).toBe('\\x1b[31mred\\x1b[0m\\x0a\\u202E');
  });
});

describe('HTML document', () => {
  it('is one self-contained page that can request nothing', async () => {
    const html = await render(multiModel);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
    expect(CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    const { tags, attrs } = markup(html);
    for (const banned of [
      'script',
      'link',
      'img',
      'iframe',
      'object',
      'embed',
      'image',
      'use',
      'foreignobject',
    ]) {
      expect(tags.has(banned), banned).toBe(false);
    }
    expect([...attrs].filter((a) => a.startsWith('on'))).toEqual([]);
    expect(html).not.toMatch(/@import|url\(|src=/i);
    for (const m of html.matchAll(/\shref="([^"]*)"/g)) expect(m[1]!.startsWith('#')).toBe(true);
  });

  it('speaks the language asked for', async () => {
    const en = await render(multiModel, 'en');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Required targets missed');
    expect(await render(multiModel, 'zh')).toContain('未达标的约束性目标');
  });

  it('has one section and one chart per rule, and a table of contents only for several plans', async () => {
    const html = await render(multiModel);
    const rules = multiModel.plans.reduce((n, p) => n + p.rules.length, 0);
    expect(html.match(/<section class="rule" id="p\d+-r\d+" data-rule>/g)).toHaveLength(rules);
    expect(html.match(/<svg [^>]*role="img"/g)).toHaveLength(rules);
    expect(html.match(/<section class="plan/g)).toHaveLength(2);
    expect(html).toContain('<nav class="toc"');
    const single = await render(singleModel);
    expect(single).not.toContain('<nav class="toc"');
    expect(single.match(/<section class="plan first"/g)).toHaveLength(1);
  });

  it('puts the cover facts, the data files with their SHA-256 and the generation time first', async () => {
    const html = await render(singleModel);
    const cover = html.slice(html.indexOf('<header class="cover">'), html.indexOf('</header>'));
    for (const fact of [
      '永川府办发〔2024〕46号',
      '重庆市永川区人民政府办公室',
      '2024-12-27',
      '2024–2027年',
      '永川区',
      '2025–2027年',
    ]) {
      expect(cover).toContain(fact);
    }
    expect(cover).toContain(singleModel.inputs[0]!.sha256);
    expect(cover).toContain(singleModel.generatedAt);
  });

  it('summarises status counts, then required failures, then warnings', async () => {
    const html = await render(singleModel);
    const s = yongchuan.summary;
    const tile = (status: string) =>
      new RegExp(`<li class="s-${status}"><span class="n">(\\d+)</span>`).exec(html)?.[1];
    expect(tile('pass')).toBe(String(s.pass));
    expect(tile('fail')).toBe(String(s.fail));
    expect(tile('warning')).toBe(String(s.warning));
    expect(tile('exceeded')).toBe(String(s.exceeded));
    expect(tile('on_track')).toBe(String(s.onTrack));
    expect(tile('off_track')).toBe(String(s.offTrack));
    expect(tile('no_data')).toBe(String(s.noData));
    const failures = html.indexOf('<h4>未达标的约束性目标</h4>');
    const warnings = html.indexOf('<h4>未达标的力争目标</h4>');
    expect(failures).toBeGreaterThan(0);
    expect(warnings).toBeGreaterThan(failures);
    const failList = html.slice(failures, warnings);
    expect(failList.match(/<li>/g)).toHaveLength(s.requiredFailures);
    expect(failList).toContain('还需 1 名双师型教师');
  });

  it('quotes each clause with its section and shows the gap in natural units', async () => {
    const html = await render(singleModel);
    expect(html).toContain(
      '<blockquote><p>到2027年，“双师型”教师占专业课教师比例达到80%以上</p><footer>一、发展目标</footer></blockquote>',
    );
    expect(html).toContain('<span class="gap">还需 5 名双师型教师</span>');
    expect(html).toContain('进度目标 75%');
  });

  it('lists the institutions of failing years always, worst first, and of every year with byInstitution', async () => {
    const html = await render(singleModel);
    const tables = html.match(/<table class="breakdown">[\s\S]*?<\/table>/g) ?? [];
    // dual-teacher 2027 (fail) and practice 2026 (fail): the fixture's only breakdowns
    expect(tables).toHaveLength(2);
    const firstRows = [...tables[0]!.matchAll(/<th scope="row">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(firstRows[0]).toBe('=HYPERLINK(&quot;http://evil&quot;) =1+1'); // 67.5%, the lowest
    expect(firstRows.at(-1)).toBe('I006 永川区职业教育中心'); // no value: last

    const passing: ReportModel = {
      ...singleModel,
      plans: [
        {
          ...yongchuan,
          rules: [
            {
              ...yongchuan.rules[1]!,
              years: [{ ...yongchuan.rules[1]!.years[0]!, breakdown: hostileInstitutions }],
            },
          ],
        },
      ],
    };
    expect(await render(passing)).not.toContain('<table class="breakdown">');
    expect(await render(passing, 'zh', true)).toContain('<table class="breakdown">');
  });

  it('shows the data quality: rows read, accepted, rejected and the validation messages', async () => {
    const html = await render(singleModel, 'en');
    const q = html.slice(html.indexOf('<section class="quality"'));
    expect(q).toContain('<td class="num">42</td><td class="num">41</td><td class="num">1</td>');
    expect(q).toContain('data/2025.csv:17:5');
    expect(q).toContain('<code>test/example-warning</code>');
  });
});

describe('HTML escaping', () => {
  it('shows hostile institution names as text', async () => {
    const html = await render(singleModel, 'zh', true);
    expect(html).toContain('I001 &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('I002 &quot; onload=&quot;x');
    expect(html).toContain('I003 \\x1b[31mred\\x1b[0m');
    expect(html).toContain('I004 A|B\\x0aC');
    expect(html).not.toContain('\u001b');
    expect(html).not.toContain('<script>');
  });

  it('lets no plan, rule, file or diagnostic string become markup, in the page or in a chart', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const html = await render(hostileModel(), lang, true);
      const { tags, attrs } = markup(html);
      expect([...tags].filter((t) => !OWN_TAGS.includes(t) && !SVG_TAGS.includes(t))).toEqual([]);
      expect([...attrs].filter((a) => a.startsWith('on') || a === 'src')).toEqual([]);
      expect(html).not.toContain('\u001b');
      expect(html).toContain(
        '&lt;script&gt;alert(1)&lt;/script&gt;&quot; onload=&quot;x\\x1b[31m&lt;img src=x onerror=alert(2)&gt;',
      );
      for (const svg of html.match(/<svg[\s\S]*?<\/svg>/g) ?? []) {
        expect(svg).not.toMatch(/<script|<img|<foreignObject/i);
      }
    }
  });
});

describe('charts', () => {
  const [dual, practice, partners, , enrolment] = yongchuan.rules as [
    RuleResult,
    RuleResult,
    RuleResult,
    RuleResult,
    RuleResult,
  ];

  const layers = (rule: RuleResult) => JSON.stringify(chartSpec(rule, 'zh'));

  it('draws the target as a rule, a range as a band, the milestone dashed to the deadline, ratios in percent', () => {
    const spec = layers(dual);
    expect(spec).toContain('"type":"rule"');
    expect(spec).toContain('"strokeDash":[6,4]');
    expect(spec).toContain('{"year":"2026","v":75}'); // milestone 3/4 in percent
    expect(spec).toContain('{"year":"2027","v":79.8'); // value 399/500
    expect(layers(partners)).toContain('"type":"rect"');
    expect(layers(partners)).toContain('{"lo":2,"hi":3}');
    expect(layers(enrolment)).not.toContain('"type":"rule"'); // an increase has no fixed target
    expect(layers(practice)).not.toContain('strokeDash'); // every-year: no milestone
  });

  it('puts no plan or submission text into the chart spec', () => {
    const spec = JSON.stringify(chartSpec(hostileModel().plans[0]!.rules[0]!, 'zh'));
    expect(spec).not.toContain('script');
    expect(spec).not.toContain('onload');
  });

  it('keeps the value axis at least a tenth of the values wide', () => {
    const [lo, hi] = yDomain([79.995, 80], true);
    expect(hi - lo).toBeGreaterThanOrEqual(8);
    expect(yDomain([0.5, 0.6], true)[0]).toBe(0);
    expect(yDomain([95, 100], true)[1]).toBe(100);
    expect(yDomain([], false)).toEqual([0, 1]);
  });

  it('renders static, inert SVG with role img, a title and a description, escaping any text', async () => {
    const spec = chartSpec(dazu.rules[1]!, 'en');
    (spec as { layer: unknown[] }).layer.push({
      data: { values: [{ x: HOSTILE }] },
      mark: 'text',
      encoding: { text: { field: 'x' } },
    });
    const svg = await renderChart(spec, 'c1', { title: HOSTILE, desc: HOSTILE });
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="c1-title c1-desc">/);
    expect(svg).toContain('<title id="c1-title">&lt;script&gt;');
    expect(svg).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(svg).not.toMatch(/<script|<img/);
    expect(() => assertSafeSvg(svg.replace(/<title[\s\S]*?<\/desc>/, ''))).not.toThrow();
  });
});

describe('assertSafeSvg', () => {
  const ok = '<svg xmlns="http://www.w3.org/2000/svg"><g clip-path="url(#c)"><text>a &lt; b</text></g></svg>';
  it('accepts a static chart', () => {
    expect(() => assertSafeSvg(ok)).not.toThrow();
  });
  it.each([
    ['a script', '<svg><script>alert(1)</script></svg>'],
    ['an event handler', '<svg onload="alert(1)"></svg>'],
    ['a link', '<svg><a href="http://x"><text>x</text></a></svg>'],
    ['an xlink', '<svg><use xlink:href="http://x#y"/></svg>'],
    ['an external url()', '<svg><rect fill="url(http://x/y)"/></svg>'],
    ['a foreignObject', '<svg><foreignObject></foreignObject></svg>'],
    ['a raw <', '<svg><text>a < b</text></svg>'],
  ])('refuses %s', (_, svg) => {
    expect(() => assertSafeSvg(svg)).toThrow(/unsafe SVG/);
  });
});
