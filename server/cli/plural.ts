/** `1 row`, `2 rows`: the CLI's summaries count things that are often exactly one. */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
