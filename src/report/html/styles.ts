import type { Status } from '../../engine/types.js';
import { STATUS_ORDER } from '../display.js';
import { STATUS_COLOURS } from './charts.js';

/** System fonts only: the report loads no font file. */
const FONTS =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif';

const statusRules = STATUS_ORDER.map((s: Status) => `.s-${s}{--c:${STATUS_COLOURS[s]}}`).join('\n');

/** The report's one stylesheet, inlined in <style>: screen layout plus an A4 print layout. */
export const STYLES = `
:root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--accent:#0b4f8a}
*{box-sizing:border-box}
html{font-family:${FONTS};color:var(--ink);background:#eef1f4;line-height:1.6;font-size:15px}
body{margin:0}
main{max-width:920px;margin:24px auto;background:#fff;padding:40px 56px;box-shadow:0 1px 4px rgba(0,0,0,.08)}
svg text{font-family:${FONTS}}
h1,h2,h3,h4{line-height:1.3;margin:1.4em 0 .5em}
h1{font-size:1.9rem;margin-top:0}
h2{font-size:1.5rem;border-bottom:2px solid var(--accent);padding-bottom:.25em}
h3{font-size:1.15rem}
a{color:var(--accent)}
.kicker{color:var(--muted);letter-spacing:.08em;margin:0}
.doc-title{font-size:1rem;color:var(--muted);font-weight:normal;margin:0 0 1em}
.toc ol{padding-left:1.4em}
.plan{margin-top:2.5em}
.cover h2{font-size:1.75rem;border:0;margin:.6em 0 .1em}
.docno{font-size:1.05rem;margin:0 0 1em;color:var(--muted)}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1.2em;margin:1em 0}
dl.meta dt{color:var(--muted)}
dl.meta dd{margin:0}
dl.terms{display:flex;flex-wrap:wrap;gap:.2em 1.6em;margin:.8em 0}
dl.terms div{display:flex;gap:.5em}
dl.terms dt{color:var(--muted)}
dl.terms dd{margin:0;font-weight:bold}
table{border-collapse:collapse;width:100%;margin:.6em 0 1em;font-size:.9rem}
caption{text-align:left;font-weight:bold;padding:.3em 0;color:var(--ink)}
th,td{border-bottom:1px solid var(--line);padding:.35em .6em;text-align:left;vertical-align:top}
thead th{background:var(--soft);border-bottom:2px solid var(--line)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.hash{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.78rem;word-break:break-all}
.tiles{display:grid;grid-template-columns:repeat(7,1fr);gap:8px;padding:0;margin:1em 0;list-style:none}
.tiles li{border:1px solid var(--line);border-top:4px solid var(--c);border-radius:4px;padding:.4em .5em;text-align:center}
.tiles .n{display:block;font-size:1.6rem;font-weight:bold;color:var(--c)}
.tiles .l{font-size:.8rem;color:var(--muted)}
.badge{display:inline-block;border:1px solid var(--c);color:var(--c);border-radius:999px;padding:0 .6em;font-size:.8rem;font-weight:bold;white-space:nowrap}
td.st{color:var(--c);font-weight:bold;white-space:nowrap}
.issues li{margin:.25em 0}
.none{color:var(--muted)}
.rule{border-top:1px solid var(--line);margin-top:2em}
.rule h3 .id{font-weight:normal;color:var(--muted);font-size:.8rem;margin-left:.5em}
blockquote{margin:.6em 0;padding:.4em 1em;border-left:4px solid var(--accent);background:var(--soft)}
blockquote p{margin:0}
blockquote footer{color:var(--muted);font-size:.85rem}
figure{margin:1em 0;break-inside:avoid;page-break-inside:avoid}
figure svg{max-width:100%;height:auto;display:block}
figcaption{font-size:.82rem;color:var(--muted)}
.key{display:inline-block;width:22px;height:0;vertical-align:middle;margin:0 .3em 0 .8em}
.key.target{border-top:2px solid #1a7f37}
.key.band{height:10px;background:rgba(26,127,55,.14)}
.key.milestone{border-top:2px dashed #57606a}
.key.value{border-top:3px solid #0b4f8a}
.gap{font-weight:bold}
.quality{margin-top:2.5em}
footer.colophon{margin-top:3em;color:var(--muted);font-size:.8rem}
${statusRules}
@page{size:A4;margin:16mm 15mm 18mm}
@media print{
  html{background:#fff;font-size:10.5pt}
  main{max-width:none;margin:0;padding:0;box-shadow:none}
  a{color:inherit;text-decoration:none}
  .plan,.quality{break-before:page;page-break-before:always;margin-top:0}
  .plan.first{break-before:auto;page-break-before:auto}
  .cover{break-after:page;page-break-after:always}
  .toc{break-after:page}
  .rule{margin-top:1.4em}
  .rule>h3,.rule>blockquote,.rule>dl,.rule>.note,caption{break-after:avoid;page-break-after:avoid}
  h2,h3{break-after:avoid;page-break-after:avoid}
  table,blockquote,.tiles{break-inside:avoid}
  tr{break-inside:avoid}
  thead{display:table-header-group}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;
