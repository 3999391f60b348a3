import { displayToken } from "./fetch-data.ts";

/**
 * Subscribes to the server's event stream and calls `onUpdate` with the new version whenever
 * extracts are republished. EventSource reconnects by itself (with `Last-Event-ID`); it cannot
 * send headers, so the wall's display token travels as `?token=`. Returns a function that closes
 * the stream.
 */
export function onExtractsUpdated(onUpdate: (version: number) => void, url = "/api/events"): () => void {
  if (typeof EventSource === "undefined") return () => undefined;
  const token = displayToken();
  const source = new EventSource(token ? `${url}?token=${encodeURIComponent(token)}` : url);
  source.addEventListener("extracts-updated", (e) => {
    try {
      const { version } = JSON.parse((e as MessageEvent<string>).data) as { version: number };
      if (Number.isFinite(version)) onUpdate(version);
    } catch {
      // A malformed event is ignored; the periodic manifest poll still catches up.
    }
  });
  return () => source.close();
}
