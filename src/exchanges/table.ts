/**
 * The README table of supported exchanges, generated from the knowledge base so the two cannot drift.
 */
import { format, resolveConfig } from 'prettier';
import { EXCHANGES } from './index';
import { isKnown } from './types';
import type { Exchange, Shape, Source } from './types';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function status(src: Source): string {
  return src.confirmation === 'official' ? 'confirmed' : 'reported';
}

function shapeSummary(shape: Shape): string {
  const name = shape.variant === undefined ? shape.field : `${shape.field} (${shape.variant})`;
  const use = shape.distinctive ? 'distinctive' : 'context only';
  const sure = shape.source.confirmation === 'official' ? '' : `, ${shape.source.confirmation}`;
  return `${name}: ${shape.description} [${use}${sure}]`;
}

function recognises(exchange: Exchange): string {
  const fields = [...new Set(exchange.fields.map((f) => f.label))].join(', ');
  const shapes = exchange.shapes.map(shapeSummary).join('; ');
  return `Fields: ${fields}. Shapes: ${shapes === '' ? 'none' : shapes}`;
}

function policies(exchange: Exchange): string {
  const parts: string[] = [];
  const { expiry, rules } = exchange.policies;
  if (!isKnown(expiry)) parts.push('Expiry: unknown');
  else if (expiry.value.length === 0) parts.push('Expiry: none stated');
  else for (const rule of expiry.value) parts.push(`${rule.description} (${status(rule.source)})`);
  for (const rule of rules) parts.push(`${rule.description} (${status(rule.source)})`);
  return parts.join(' ');
}

/** A Markdown table: what Keywarden recognises, where it sends you to revoke, and which policies it knows. */
export function renderExchangesTable(exchanges: readonly Exchange[] = EXCHANGES): string {
  const lines = [
    '| Exchange | Recognises | Revoke at | Known policies |',
    '| --- | --- | --- | --- |',
    ...exchanges.map((exchange) => {
      const page = exchange.links.keyManagement;
      const revoke = `[key page](${page.value})${page.source.confirmation === 'official' ? '' : ' (reported)'}`;
      return `| ${cell(exchange.name)} | ${cell(recognises(exchange))} | ${revoke} | ${cell(policies(exchange))} |`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * The table as Prettier leaves it (the repo lints Markdown with `prettier --check`), so README.md and
 * docs/exchanges-table.md can hold exactly this text and stay lint-clean.
 */
export async function renderExchangesTableMarkdown(
  exchanges: readonly Exchange[] = EXCHANGES,
): Promise<string> {
  const options = (await resolveConfig('README.md')) ?? {};
  return format(renderExchangesTable(exchanges), { ...options, parser: 'markdown' });
}
