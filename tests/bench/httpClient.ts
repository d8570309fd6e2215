export type TimedResponse<T> = { ms: number; status: number; body: T };

/** A signed-in user talking to the server over real HTTP (loopback). */
export class HttpClient {
  private constructor(private readonly baseUrl: string, private readonly token: string, readonly userId: number) {}

  static async signIn(baseUrl: string, username: string, password: string): Promise<HttpClient> {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
    });
    if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { token: string; user: { id: number } };
    return new HttpClient(baseUrl, body.token, body.user.id);
  }

  /** Times the whole exchange: request, server work, and reading the JSON body. */
  async request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown): Promise<TimedResponse<T>> {
    const started = performance.now();
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed = (await response.json()) as T;
    return { ms: performance.now() - started, status: response.status, body: parsed };
  }
}

export type CustomerQuery = Record<string, string | number | number[] | undefined>;

/** The lists a grid pages through. */
export type ListName = 'customers' | 'activities' | 'opportunities';

export function customersPath(query: CustomerQuery): string {
  return listPath('customers', query);
}

export function listPath(list: ListName, query: CustomerQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  return `/api/${list}?${params}`;
}
