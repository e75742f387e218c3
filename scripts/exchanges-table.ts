// Prints the README's supported-exchanges table: npx tsx scripts/exchanges-table.ts
import { renderExchangesTableMarkdown } from '../src/exchanges/table';

process.stdout.write(await renderExchangesTableMarkdown());
