/** A road chainage label, e.g. 12.3456 km → "K12+346". */
export function stake(km: number): string {
  const m = Math.round(km * 1000);
  return `K${Math.floor(m / 1000)}+${String(m % 1000).padStart(3, "0")}`;
}
