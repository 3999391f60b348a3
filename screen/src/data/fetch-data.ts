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

/** An HTTP answer other than 2xx, with the API's error code and message when the body has them. */
export class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** The API's `error.code` (e.g. `vision_disabled`), when the body is the API's error shape. */
    readonly code: string | null,
    /** The API's `error.message`, in the server's words. */
    readonly detail: string | null,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

async function httpError(url: string, response: Response): Promise<HttpError> {
  let code: string | null = null;
  let detail: string | null = null;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === "string") code = body.error.code;
    if (typeof body.error?.message === "string") detail = body.error.message;
  } catch {
    // Not the API's JSON error shape (a proxy's page, an empty body): the status says enough.
  }
  const text = `GET ${url}: HTTP ${response.status} ${response.statusText}`.trim();
  return new HttpError(detail ? `${text}: ${detail}` : text, response.status, code, detail);
}

/**
 * GET `url` (relative to the page) and fail with a message naming the URL and the HTTP status,
 * e.g. `GET /api/manifest: HTTP 503 Service Unavailable` (an {@link HttpError} with the API's
 * error code when the server answered one).
 */
export async function fetchOk(url: string, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, requestInit(signal));
  } catch (e) {
    throw new Error(`GET ${url}: ${(e as Error).message}`);
  }
  if (!response.ok) throw await httpError(url, response);
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
