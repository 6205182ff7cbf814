// Waldur shows uuids as 32 hex digits and references objects by URL; Portico stores ordinary uuids.
const HEX32 = /^[0-9a-f]{32}$/i;
const DASHED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const hexUuid = (id: string): string => id.replace(/-/g, "").toLowerCase();

/** `354c1f99…` or a dashed uuid → the dashed form; anything else → null. */
export function toUuid(value: string): string | null {
  const v = value.trim();
  if (DASHED.test(v)) return v.toLowerCase();
  if (!HEX32.test(v)) return null;
  const h = v.toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * A reference to an object of `collection` (e.g. `customers`): its URL `…/api/customers/<uuid>/`
 * (any host: clients may reach us by another name) or its bare uuid.
 */
export function parseReference(value: string, collection: string): string | null {
  const bare = toUuid(value);
  if (bare) return bare;
  let path: string;
  try {
    path = new URL(value).pathname;
  } catch {
    return null;
  }
  const m = new RegExp(`/api/${collection}/([0-9a-fA-F-]{32,36})/?$`).exec(path);
  return m ? toUuid(m[1]) : null;
}

export const NO_URL_MATCH = "Invalid hyperlink - No URL match.";
export const NO_SUCH_OBJECT = "Invalid hyperlink - Object does not exist.";
