import { renderMessage } from '../../diagnostics/diagnostic.js';
import { visible } from '../../util/visible.js';
import { summaryLine } from './text.js';
import type { ValidateFormatter } from './types.js';

/** Escape a workflow-command message (GitHub's escapeData). */
export function escapeData(s: string): string {
  return s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escape a workflow-command property value (GitHub's escapeProperty). */
export function escapeProperty(s: string): string {
  return escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** GitHub Actions annotations, one per diagnostic, then the summary as a notice. */
export const formatGithub: ValidateFormatter = (r, o) => {
  const lines = r.diagnostics.map((d) => {
    const props: string[] = [];
    if (d.file !== undefined) props.push(`file=${escapeProperty(visible(d.file))}`);
    if (d.line !== undefined) props.push(`line=${d.line}`);
    if (d.column !== undefined) props.push(`col=${d.column}`);
    props.push(`title=${escapeProperty(d.code)}`);
    return `::${LEVEL[d.severity]} ${props.join(',')}::${escapeData(renderMessage(d, o.lang))}`;
  });
  lines.push(`::notice title=vet-check validate::${escapeData(summaryLine(r, o.lang))}`);
  return `${lines.join('\n')}\n`;
};
