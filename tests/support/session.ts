// A cookie jar that talks to the server the way the web app does: keeps the session and CSRF
// cookies, echoes the CSRF cookie in X-CSRF-Token on mutations, and speaks JSON.
// Free of vitest imports so global setup can use it too.
import { testFetch } from './http';
import { CSRF_COOKIE, CSRF_HEADER, type Me, type SignUpBody } from '@glossa/contracts';

export interface Credentials {
  email: string;
  password: string;
}

export interface RequestOptions {
  method?: string;
  /** Sent as application/json. */
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
  /** Leave out the X-CSRF-Token header (to prove it is required). */
  withoutCsrf?: boolean;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class Session {
  readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  get csrfToken(): string | undefined {
    return this.cookies.get(CSRF_COOKIE);
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Takes the cookies a response sets, dropping the ones it clears. */
  absorb(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const cleared = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) <= Date.now()));
      if (cleared || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, options: RequestOptions = {}): Promise<Response> {
    const method = options.method ?? (options.json === undefined && options.body === undefined ? 'GET' : 'POST');
    // Like a browser that has loaded the app once: a CSRF cookie exists before the first mutation.
    if (UNSAFE.has(method) && !this.csrfToken && !options.withoutCsrf) await this.request('/api/health');
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    if (UNSAFE.has(method) && !options.withoutCsrf && this.csrfToken) headers[CSRF_HEADER] = this.csrfToken;
    let body = options.body;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await testFetch(`${this.baseUrl}${path}`, { method, headers, body });
    this.absorb(response);
    return response;
  }

  get(path: string, options: Omit<RequestOptions, 'method'> = {}): Promise<Response> {
    return this.request(path, { ...options, method: 'GET' });
  }

  post(path: string, json?: unknown, options: Omit<RequestOptions, 'method' | 'json'> = {}): Promise<Response> {
    return this.request(path, { ...options, method: 'POST', json });
  }

  patch(path: string, json: unknown, options: Omit<RequestOptions, 'method' | 'json'> = {}): Promise<Response> {
    return this.request(path, { ...options, method: 'PATCH', json });
  }

  delete(path: string, options: Omit<RequestOptions, 'method'> = {}): Promise<Response> {
    return this.request(path, { ...options, method: 'DELETE' });
  }

  signUp(input: SignUpBody): Promise<Response> {
    return this.post('/api/auth/signup', input);
  }

  logIn(credentials: Credentials): Promise<Response> {
    // Only the two fields: the body is a strict object.
    return this.post('/api/auth/login', { email: credentials.email, password: credentials.password });
  }

  async me(): Promise<Me> {
    const response = await this.get('/api/me');
    if (response.status !== 200) throw new Error(`GET /api/me answered ${response.status}`);
    return (await response.json()) as Me;
  }

  /** A new jar signed up through the API; throws unless the server answers 201. */
  static async signedUp(baseUrl: string, input: SignUpBody): Promise<Session> {
    const session = new Session(baseUrl);
    const response = await session.signUp(input);
    if (response.status !== 201) throw new Error(`sign-up of ${input.email} answered ${response.status}: ${await response.text()}`);
    return session;
  }

  /** A new jar signed in through the API; throws unless the server answers 200. */
  static async loggedIn(baseUrl: string, credentials: Credentials): Promise<Session> {
    const session = new Session(baseUrl);
    const response = await session.logIn(credentials);
    if (response.status !== 200) throw new Error(`sign-in of ${credentials.email} answered ${response.status}: ${await response.text()}`);
    return session;
  }
}
