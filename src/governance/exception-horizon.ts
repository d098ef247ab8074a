/** The last ISO date (YYYY-MM-DD) an exception may expire on: `days` after `date`. */
export function exceptionHorizon(date: string, days: number): string {
  const horizon = new Date(`${date}T00:00:00Z`);
  horizon.setUTCDate(horizon.getUTCDate() + days);
  return horizon.toISOString().slice(0, 10);
}
