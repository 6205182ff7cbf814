import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/http/session";
import { allOperations } from "@/lib/openapi/all-operations";
import { buildOpenApiDocument } from "@/lib/openapi/document";

export const metadata = { title: "API docs" };

type Op = {
  summary: string;
  tags: string[];
  parameters?: {
    name?: string;
    in?: string;
    required?: boolean;
    description?: string;
    schema?: unknown;
    $ref?: string;
  }[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: unknown }> }>;
  security?: unknown[];
};

const METHOD_TONE = { get: "blue", post: "green", put: "amber", patch: "amber", delete: "red" } as const;

function Schema({ value }: { value: unknown }) {
  return (
    <pre className="max-h-96 overflow-auto rounded bg-slate-100 p-3 text-xs dark:bg-slate-950">
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export default async function ApiDocsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  await requirePageActor();
  const { q = "" } = await searchParams;
  const doc = buildOpenApiDocument(allOperations);
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Op>).map(([method, op]) => ({ path, method, op })),
  );
  const shown = ops.filter(
    (o) => !q || `${o.method} ${o.path} ${o.op.summary}`.toLowerCase().includes(q.toLowerCase()),
  );
  const tags = [...new Set(shown.flatMap((o) => o.op.tags))];
  return (
    <>
      <PageHeader
        title="API docs"
        description={
          <>
            OpenAPI 3.1, generated from the same zod schemas the handlers validate with. Raw document:{" "}
            <a className="underline" href="/api/openapi.json">
              /api/openapi.json
            </a>
            . Authenticate with <code>Authorization: Bearer &lt;token&gt;</code> (create one under{" "}
            <a className="underline" href="/tokens">
              API tokens
            </a>
            ).
          </>
        }
      />
      <form method="get" role="search" className="mb-4">
        <label htmlFor="q" className="sr-only">
          Filter operations
        </label>
        <input
          id="q"
          name="q"
          defaultValue={q}
          placeholder="Filter by path, method or summary"
          className="w-full max-w-md rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
        />
      </form>
      <div className="space-y-6">
        {tags.map((tag) => (
          <Card key={tag} title={tag}>
            <ul className="space-y-2">
              {shown
                .filter((o) => o.op.tags.includes(tag))
                .map(({ path, method, op }) => (
                  <li key={method + path}>
                    <details className="rounded border border-slate-200 dark:border-slate-800">
                      <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-3 py-2">
                        <Badge tone={METHOD_TONE[method as keyof typeof METHOD_TONE] ?? "slate"}>
                          {method.toUpperCase()}
                        </Badge>
                        <code className="text-sm">{path}</code>
                        <span className="text-sm text-slate-600 dark:text-slate-400">{op.summary}</span>
                        {op.security && <Badge>no auth</Badge>}
                      </summary>
                      <div className="space-y-3 border-t border-slate-200 p-3 text-sm dark:border-slate-800">
                        {op.parameters?.some((p) => p.name) && (
                          <table className="w-full text-left text-xs">
                            <thead className="text-slate-500 uppercase">
                              <tr>
                                <th className="pr-3">Parameter</th>
                                <th className="pr-3">In</th>
                                <th className="pr-3">Required</th>
                                <th>Schema</th>
                              </tr>
                            </thead>
                            <tbody>
                              {op.parameters
                                .filter((p) => p.name)
                                .map((p) => (
                                  <tr key={`${p.in}-${p.name}`}>
                                    <td className="pr-3 font-mono">{p.name}</td>
                                    <td className="pr-3">{p.in}</td>
                                    <td className="pr-3">{p.required ? "yes" : "no"}</td>
                                    <td className="font-mono">
                                      {JSON.stringify(p.schema)}
                                      {p.description ? ` — ${p.description}` : ""}
                                    </td>
                                  </tr>
                                ))}
                            </tbody>
                          </table>
                        )}
                        {op.requestBody &&
                          Object.entries(op.requestBody.content).map(([type, c]) => (
                            <div key={type}>
                              <p className="font-medium">Request body ({type})</p>
                              {c.schema ? <Schema value={c.schema} /> : null}
                            </div>
                          ))}
                        {Object.entries(op.responses).map(([status, r]) => (
                          <div key={status}>
                            <p className="font-medium">
                              {status} — {r.description}
                            </p>
                            {r.content?.["application/json"]?.schema ? (
                              <Schema value={r.content["application/json"].schema} />
                            ) : null}
                          </div>
                        ))}
                      </div>
                    </details>
                  </li>
                ))}
            </ul>
          </Card>
        ))}
      </div>
    </>
  );
}
