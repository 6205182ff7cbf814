// The baseline for `npm run bench:load`: a bare node:http + pg server answering the same ARGO provider list
// page as Portico (GET /accounting-system/providers?page=&size=, same query, same JSON), with no framework,
// no authentication, no validation beyond page/size, and the same connection pool size.
import http from "node:http";
import pg from "pg";

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.PORTICO_DB_POOL_SIZE || 10),
});
const port = Number(process.env.PORT);

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
  if (req.method !== "GET" || url.pathname !== "/accounting-system/providers") return res.writeHead(404).end();
  const page = Math.max(1, Number(url.searchParams.get("page")) || 1);
  const size = Math.min(100, Math.max(1, Number(url.searchParams.get("size")) || 10));
  try {
    const [rows, total] = await Promise.all([
      pool.query(
        "select id, name, website, abbreviation, logo, creator_id from providers order by resource_number asc limit $1 offset $2",
        [size, (page - 1) * size],
      ),
      pool.query("select count(*)::int as n from providers"),
    ]);
    const n = total.rows[0].n;
    const pages = Math.ceil(n / size);
    const base = `http://${req.headers.host}${url.pathname}`;
    const links =
      pages > 1
        ? [
            { href: `${base}?page=1&size=${size}`, rel: "first" },
            { href: `${base}?page=${pages}&size=${size}`, rel: "last" },
            { href: `${base}?page=${page}&size=${size}`, rel: "self" },
          ]
        : [];
    if (pages > 1 && page < pages) links.push({ href: `${base}?page=${page + 1}&size=${size}`, rel: "next" });
    const body = JSON.stringify({
      size_of_page: rows.rows.length,
      number_of_page: page,
      total_elements: n,
      total_pages: pages,
      content: rows.rows,
      links,
    });
    res.writeHead(200, { "content-type": "application/json" }).end(body);
  } catch (e) {
    res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ code: 500, message: String(e) }));
  }
});
server.listen(port, "127.0.0.1", () => console.log(`bare server on 127.0.0.1:${port}`));
for (const sig of ["SIGINT", "SIGTERM"])
  process.on(sig, () => server.close(() => pool.end().then(() => process.exit(0))));
