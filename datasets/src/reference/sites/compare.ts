/** Code-unit string order: unlike localeCompare, identical on every machine and ICU version. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
