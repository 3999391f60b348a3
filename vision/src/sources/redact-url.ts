/**
 * A camera address fit for health, logs and the wall: the user and password of a URL
 * (`rtsp://admin:secret@10.0.0.7/…`) are left out, wherever the URL stands in `text`.
 */
export function redactUrl(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, "$1");
}
