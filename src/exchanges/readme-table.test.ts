import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderExchangesTable, renderExchangesTableMarkdown } from './table';

const START = '<!-- exchanges:start -->';
const END = '<!-- exchanges:end -->';

function read(relative: string): string {
  return readFileSync(new URL(relative, import.meta.url), 'utf8');
}

describe('supported-exchanges table', () => {
  it('README.md holds the generated table between the exchanges markers', async () => {
    const readme = read('../../README.md');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start, 'README.md lacks <!-- exchanges:start -->').toBeGreaterThanOrEqual(0);
    expect(end, 'README.md lacks <!-- exchanges:end -->').toBeGreaterThan(start);
    expect(readme.slice(start + START.length, end).trim()).toBe(
      (await renderExchangesTableMarkdown()).trim(),
    );
  });

  it('docs/exchanges-table.md is the current script output', async () => {
    expect(read('../../docs/exchanges-table.md')).toBe(await renderExchangesTableMarkdown());
  });

  it('has one row per exchange, with a key-page link in each', () => {
    const rows = renderExchangesTable().trim().split('\n').slice(2);
    expect(rows).toHaveLength(18);
    for (const row of rows) expect(row).toMatch(/\[key page\]\(https:\/\//);
  });
});
