import {
  PORTICO_ONLY_OPERATIONS,
  SEED_DIFFERENCES,
  type SeedDifference,
  type WaldurAnswers,
} from "@/lib/dialects/waldur/seed-differences";
import { WaldurSchema, type Problem } from "./waldur-schema";

// The contract's client: sends one Waldur operation to a running Portico, checks the request against what
// Waldur's clients may send and the answer against what they accept, and records the outcome.

export type Query = Record<string, string | number | boolean | (string | number)[] | undefined>;

export type CallOptions = {
  /** Whose token is sent (`Authorization: Token …`); none: anonymous. */
  as?: string;
  params?: Record<string, string>;
  query?: Query;
  body?: unknown;
  /** An error status the step provokes; without it the step expects success. */
  expect?: number;
  /** The request breaks Waldur's schema on purpose (an error step): it is not checked. */
  invalidRequest?: boolean;
  /** What the step shows, for the report. */
  note?: string;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are wire JSON, checked by the schema
export type Answer = { status: number; body: any; text: string; headers: Headers };

export type Outcome = {
  operation: string;
  note: string;
  status: number;
  problems: Problem[];
  /** The listed seed differences this answer showed (default mode only). */
  tolerated: SeedDifference[];
};

export class ContractFailure extends Error {}

const isEmpty = (text: string) => text.trim() === "";

/** DRF's error bodies: `{"detail": "…"}`, `{"field": ["…"], …}` (nested for nested fields), or `["…"]`. */
export function drfErrorProblems(body: unknown): Problem[] {
  const ok = (v: unknown): boolean =>
    typeof v === "string" ||
    (Array.isArray(v) && v.length > 0 && v.every(ok)) ||
    (v !== null &&
      typeof v === "object" &&
      !Array.isArray(v) &&
      Object.keys(v).length > 0 &&
      Object.values(v).every(ok));
  const shape =
    body !== null &&
    typeof body === "object" &&
    (Array.isArray(body) ? body.every((x) => typeof x === "string") && body.length > 0 : ok(body));
  const detailOk =
    !(body && typeof body === "object" && "detail" in body) || typeof (body as { detail: unknown }).detail === "string";
  return shape && detailOk
    ? []
    : [
        {
          path: "$",
          expected: 'a DRF error body: {"detail": "…"}, {"field": ["…"]} or ["…"]',
          got: JSON.stringify(body)?.slice(0, 120) ?? "an empty body",
        },
      ];
}

const typeOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/** The value at a problem's `$.a[0].b` path. */
function valueAt(body: unknown, path: string): unknown {
  const parts = [...path.matchAll(/\.([A-Za-z_]\w*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g)].map(
    (m) => m[1] ?? (m[2] !== undefined ? Number(m[2]) : JSON.parse(`"${m[3]}"`)),
  );
  return parts.reduce<unknown>(
    (v, k) => (v && typeof v === "object" ? (v as Record<string | number, unknown>)[k] : undefined),
    body,
  );
}

/** Whether `field` (`future_prices.*`, `scope`) names the end of `path` (`$[2].plans[0].future_prices.cpu`). */
export function fieldMatches(field: string, path: string): boolean {
  const re = new RegExp(`(^\\$|\\.|\\])${field.replace(/[.[\]]/g, (c) => `\\${c}`).replace(/\*/g, "[^.[\\]]+")}$`);
  return re.test(path.replace(/\[\d+\]/g, "[0]"));
}

export class ContractClient {
  readonly outcomes: Outcome[] = [];
  readonly tokens = new Map<string, string>();

  constructor(
    readonly base: string,
    readonly mode: WaldurAnswers,
    readonly schema: WaldurSchema = WaldurSchema.load(),
  ) {}

  /** A check of the answers' meaning (a filter that filters, a state that changed): recorded like a schema problem. */
  expectThat(ok: boolean, operation: string, note: string, expected: unknown, got: unknown): void {
    if (!ok)
      this.outcomes.push({
        operation,
        note,
        status: 0,
        problems: [{ path: "$", expected: String(expected), got: JSON.stringify(got)?.slice(0, 160) ?? "undefined" }],
        tolerated: [],
      });
  }

  url(operation: string, params: Record<string, string> = {}, query: Query = {}): string {
    const p = operation.split(" ")[1].replace(/\{(\w+)\}/g, (_, name: string) => {
      if (params[name] === undefined) throw new ContractFailure(`${operation}: no value for {${name}}`);
      return encodeURIComponent(params[name]);
    });
    const u = new URL(p, this.base);
    const spec = this.schema.operation(operation);
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined) continue;
      // Arrays as the parameter declares: `explode: false` joins with commas (`o=-created,name`), else repeats.
      if (Array.isArray(v) && spec?.query.get(k)?.explode === false) u.searchParams.set(k, v.join(","));
      else for (const x of Array.isArray(v) ? v : [v]) u.searchParams.append(k, String(x));
    }
    return u.toString();
  }

  private requestProblems(operation: string, opts: CallOptions): Problem[] {
    if (opts.invalidRequest) return [];
    const spec = this.schema.operation(operation);
    if (!spec)
      return PORTICO_ONLY_OPERATIONS.some((o) => o.operation === operation)
        ? []
        : [{ path: "request", expected: `${operation} in Waldur's schema`, got: "not there" }];
    const problems: Problem[] = [];
    for (const name of Object.keys(opts.query ?? {}))
      if (!spec.query.has(name))
        problems.push({ path: `query.${name}`, expected: `a parameter ${operation} declares`, got: "undeclared" });
    return [
      ...problems,
      ...this.schema.requestProblems(operation, opts.body).map((p) => ({ ...p, path: `request${p.path.slice(1)}` })),
    ];
  }

  /** Sends the operation and records the outcome; throws when the status is not what the step needs to go on. */
  async call(operation: string, opts: CallOptions = {}): Promise<Answer> {
    const [method] = operation.split(" ");
    const headers: Record<string, string> = { accept: "application/json" };
    if (opts.as) {
      const token = this.tokens.get(opts.as);
      if (!token) throw new ContractFailure(`no token for ${opts.as}`);
      headers.authorization = `Token ${token}`;
    }
    if (opts.body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(this.url(operation, opts.params, opts.query), {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await res.text();
    let body: unknown = undefined;
    try {
      body = isEmpty(text) ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    const answer: Answer = { status: res.status, body, text, headers: res.headers };
    const outcome: Outcome = {
      operation,
      note: opts.note ?? "",
      status: res.status,
      problems: this.requestProblems(operation, opts),
      tolerated: [],
    };
    this.outcomes.push(outcome);
    if (opts.expect !== undefined) this.checkError(outcome, answer, opts.expect);
    else this.checkSuccess(outcome, answer);
    const wanted = opts.expect === undefined ? res.status >= 200 && res.status < 300 : res.status === opts.expect;
    if (!wanted)
      throw new ContractFailure(
        `${operation}${opts.note ? ` (${opts.note})` : ""} answered ${res.status}${opts.expect ? `, expected ${opts.expect}` : ""}: ${text.slice(0, 300)}`,
      );
    return answer;
  }

  private checkError(outcome: Outcome, answer: Answer, expected: number) {
    if (answer.status !== expected)
      outcome.problems.push({ path: "status", expected: String(expected), got: String(answer.status) });
    outcome.problems.push(...drfErrorProblems(answer.body));
    if (this.schema.operation(outcome.operation)?.statuses.includes(answer.status))
      outcome.problems.push(...this.schema.responseProblems(outcome.operation, answer.status, answer.body));
  }

  private checkSuccess(outcome: Outcome, answer: Answer) {
    const { operation } = outcome;
    if (answer.status < 200 || answer.status >= 300) return;
    const alias = PORTICO_ONLY_OPERATIONS.find((o) => o.operation === operation)?.answersLike;
    const spec = this.schema.operation(alias ?? operation);
    if (!spec) return; // reported with the request
    const differences = this.mode === "seed" ? SEED_DIFFERENCES.filter((d) => d.operations.includes(operation)) : [];
    let status = answer.status;
    if (!spec.statuses.includes(status)) {
      const d = differences.find((x) => x.kind === "status" && x.seedStatus === status);
      if (d?.kind === "status") {
        outcome.tolerated.push(d);
        status = d.waldurStatus;
        if (d.seedBodyEmpty) {
          if (!isEmpty(answer.text))
            outcome.problems.push({ path: "$", expected: `an empty body (${d.seed})`, got: answer.text.slice(0, 80) });
          return;
        }
      } else {
        outcome.problems.push({
          path: "status",
          expected: `one of ${spec.statuses.join(", ")} (declared by ${spec.operationId})`,
          got: String(status),
        });
        return;
      }
    }
    for (const p of this.schema.responseProblems(alias ?? operation, status, answer.body)) {
      const d = differences.find(
        (x) =>
          x.kind === "field" && fieldMatches(x.field, p.path) && typeOf(valueAt(answer.body, p.path)) === x.seedType,
      );
      if (d) {
        if (!outcome.tolerated.includes(d)) outcome.tolerated.push(d);
      } else outcome.problems.push(p);
    }
    if (spec.countedStatuses.includes(status)) this.checkListHeaders(outcome, answer);
  }

  /** A paginated list answers `X-Result-Count` (the total) and a `Link` header with at least its first page. */
  private checkListHeaders(outcome: Outcome, answer: Answer) {
    const count = answer.headers.get("x-result-count");
    const n = Number(count);
    const length = Array.isArray(answer.body) ? answer.body.length : 0;
    if (count === null || !/^\d+$/.test(count) || n < length)
      outcome.problems.push({
        path: "header X-Result-Count",
        expected: `an integer ≥ ${length} (the total)`,
        got: String(count),
      });
    if (!/rel="first"/.test(answer.headers.get("link") ?? ""))
      outcome.problems.push({
        path: "header Link",
        expected: 'links with rel="first" (and prev/next/last)',
        got: String(answer.headers.get("link")),
      });
  }
}
