/**
 * The wall PC's display token, from the page URL (`/wall?token=…`): sent on every API request
 * so a wall never meets a login page. Null when the page was opened without one.
 */
export function displayToken(search: string = globalThis.location?.search ?? ""): string | null {
  const token = new URLSearchParams(search).get("token");
  return token && token.length > 0 ? token : null;
}

function requestInit(signal?: AbortSignal): RequestInit {
  const token = displayToken();
  const init: RequestInit = signal ? { signal } : {};
  if (token) init.headers = { Authorization: `Bearer ${token}` };
  return init;
}

/**
 * GET `url` (relative to the page) and fail with a message naming the URL and the HTTP status,
 * e.g. `GET /api/manifest: HTTP 503 Service Unavailable`.
 */
export async function fetchOk(url: string, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, requestInit(signal));
  } catch (e) {
    throw new Error(`GET ${url}: ${(e as Error).message}`);
  }
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status} ${response.statusText}`.trim());
  return response;
}

/** GET JSON; see {@link fetchOk}. */
export async function fetchJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetchOk(url, signal);
  try {
    return await response.json();
  } catch (e) {
    throw new Error(`GET ${url}: body is not JSON (${(e as Error).message})`);
  }
}

/** GET raw bytes (an Arrow IPC stream); the browser undoes any HTTP content coding. */
export async function fetchBytes(url: string, signal?: AbortSignal): Promise<Uint8Array> {
  const response = await fetchOk(url, signal);
  return new Uint8Array(await response.arrayBuffer());
}
