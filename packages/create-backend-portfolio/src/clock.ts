/** Today where the person is, as `YYYY-MM-DD`. The one place the CLI reads the clock; everything below takes the date as input. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
