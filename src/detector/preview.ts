/** At most the first four characters, then an ellipsis: the only form in which a suspected value is ever shown. */
export function previewOf(value: string): string {
  return `${Array.from(value.slice(0, 8)).slice(0, 4).join('')}…`;
}
