/** A shopper's HTTP client: posts GraphQL and, like a browser, keeps the cookies the server sets. */
export interface GqlResult<T = any> {
  status: number;
  data: T | null | undefined;
  errors?: { message: string; extensions?: Record<string, any>; path?: string[] }[];
  headers: Headers;
}

export class ShopperClient {
  readonly cookies = new Map<string, string>();
  bearer?: string;

  constructor(
    readonly baseUrl: string,
    private readonly opts: { cookies?: boolean; headers?: Record<string, string> } = {},
  ) {}

  async gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> {
    const headers: Record<string, string> = { "content-type": "application/json", ...this.opts.headers };
    if (this.opts.cookies !== false && this.cookies.size) {
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    }
    // A client without cookies asks for its session token (Shopwright-Session: bearer) and sends it back.
    if (this.opts.cookies === false) headers["shopwright-session"] = "bearer";
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    const res = await fetch(`${this.baseUrl}/graphql`, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
    if (this.opts.cookies !== false) {
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const eq = pair.indexOf("=");
        this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
      }
    }
    const body = (await res.json()) as { data?: T; errors?: GqlResult["errors"] };
    return { status: res.status, data: body.data, errors: body.errors, headers: res.headers };
  }

  /** Runs an operation that must succeed and returns its data. */
  async ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await this.gql<T>(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  /** Runs an operation that must fail, and returns its first error's code and extensions. */
  async fails(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ code: string; message: string; extensions: Record<string, any> }> {
    const result = await this.gql(query, variables);
    const error = result.errors?.[0];
    if (!error) throw new Error(`Expected an error, got data ${JSON.stringify(result.data)}`);
    return { code: error.extensions?.code, message: error.message, extensions: error.extensions ?? {} };
  }
}
