const REFERENCE =
  /(?:process\.env\.|import\.meta\.env\.|environ\[|environ\.get\(|getenv\(|\benv\(|\bENV\[|\bENV\.fetch\(|\bsecrets\.|\bvars\.|\$\{\{\s*|\$\{|\$|%)$/i;

/**
 * The name in code or config that reads a value from elsewhere: `os.environ['BINANCE_SECRET']`,
 * `process.env.OKX_KEY`, `${KRAKEN_SECRET}`, `$API_KEY`, `${{ secrets.API_SECRET }}`, `%API_KEY%`.
 */
export function isEnvReference(text: string, start: number): boolean {
  let i = start;
  // Skip the quote that opens a subscript such as environ["X"].
  while (i > 0 && i > start - 2 && /["'` ]/.test(text.charAt(i - 1))) i--;
  return REFERENCE.test(text.slice(Math.max(0, i - 24), i));
}
