/**
 * ISO 8601 duration with at most two decimals of seconds, as xAPI keeps (`PT1M5.25S`). Rounded
 * once, in hundredths, before splitting into hours, minutes and seconds, so 119,996 ms is `PT2M`
 * and never `PT1M60S`.
 */
export function isoDuration(ms: number): string {
  const hundredths = Number.isFinite(ms) && ms > 0 ? Math.round(ms / 10) : 0;
  const hours = Math.floor(hundredths / 360_000);
  const minutes = Math.floor((hundredths % 360_000) / 6000);
  const seconds = (hundredths % 6000) / 100;
  const h = hours ? `${hours}H` : '';
  const m = minutes ? `${minutes}M` : '';
  const s = seconds || (!hours && !minutes) ? `${seconds}S` : '';
  return `PT${h}${m}${s}`;
}
