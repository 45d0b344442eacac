import type { Lang } from '../../diagnostics/types.js';
import { planHeading } from '../display.js';
import type { Formatter, ReportModel } from '../types.js';
import { escapeHtml as e } from './escape.js';
import { t } from './labels.js';
import { planReport } from './plan.js';
import { qualitySection } from './quality.js';
import { STYLES } from './styles.js';

/** Nothing may load: inline styles and data: images only, no script, no font, no request. */
export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

function toc(model: ReportModel, lang: Lang): string {
  const items = model.plans.map(
    (p, i) => `<li><a href="#p${i + 1}">${e(planHeading(p.plan, lang))}</a></li>`,
  );
  items.push(`<li><a href="#quality">${e(t('quality', lang))}</a></li>`);
  return `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${e(t('contents', lang))}</h2><ol>${items.join('')}</ol></nav>`;
}

/**
 * Render the report as one self-contained HTML page: inline CSS and SVG
 * charts, no script, a Content-Security-Policy that forbids every request,
 * an A4 print layout. Several plans make one report each, after a table of
 * contents. Vega and Vega-Lite are imported here only, on first use.
 */
export const format: Formatter = async (model, opts) => {
  const { lang } = opts;
  const several = model.plans.length > 1;
  const only = model.plans.length === 1 ? model.plans[0] : undefined;
  const title = only ? `${planHeading(only.plan, lang)} · ${t('reportTitle', lang)}` : t('reportTitle', lang);
  const plans: string[] = [];
  for (const [i, plan] of model.plans.entries()) {
    plans.push(
      await planReport(model, plan, {
        lang,
        byInstitution: opts.byInstitution,
        prefix: `p${i + 1}`,
        first: !several && i === 0,
      }),
    );
  }
  return `<!DOCTYPE html>
<html lang="${HTML_LANG[lang]}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${e(`${model.tool.name} ${model.tool.version}`)}">
<title>${e(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<main>
<h1>${e(t('reportTitle', lang))}</h1>
${several ? toc(model, lang) : ''}
${plans.join('\n')}
${qualitySection(model, lang)}
<footer class="colophon">${e(`${model.tool.name} ${model.tool.version} · ${model.generatedAt}`)}</footer>
</main>
</body>
</html>
`;
};
