/** Waldur's slugs: the first 8 characters of the slugified name, then `-<n>` (e.g. `test-clu-1`). */
export function slugBase(name: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9_\s-]/g, "")
    .trim()
    .replace(/[\s-]+/g, "-")
    .slice(0, 8)
    .replace(/-+$/, "");
  return s || "item";
}

/** The first free `<base>-<n>`; `taken` lists the slugs already starting with `<base>-`. */
export async function nextSlug(name: string, taken: (prefix: string) => Promise<string[]>): Promise<string> {
  const base = slugBase(name);
  const used = new Set(await taken(`${base}-`));
  let n = 1;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** LIKE pattern for slugs starting with `prefix` (wildcards escaped). */
export const startsWith = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => "\\" + c)}%`;
