/** Progress and status lines for the CLI (stderr keeps stdout clean for data). */
export function log(message: string): void {
  const time = new Date().toLocaleTimeString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
  process.stderr.write(`[${time}] ${message}\n`);
}
