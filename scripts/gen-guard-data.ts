// Writes src/guard/exchange-sites.generated.ts: each exchange's name and official web domains, so the content script
// does not bundle the knowledge base. Run after changing src/exchanges: `npx tsx scripts/gen-guard-data.ts`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { EXCHANGES } from '../src/exchanges/index';
import { exchangeSitesOf, renderExchangeSitesModule } from '../src/guard/exchange-sites';

const target = fileURLToPath(new URL('../src/guard/exchange-sites.generated.ts', import.meta.url));
const config = await prettier.resolveConfig(target);
const text = await prettier.format(renderExchangeSitesModule(exchangeSitesOf(EXCHANGES)), {
  ...config,
  filepath: target,
});
writeFileSync(target, text);
console.log(`wrote ${target}`);
