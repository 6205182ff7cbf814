import { hexUuid } from "@/lib/offerings/refs";

/** Absolute Waldur URLs (`{origin}/api/{collection}/{hex uuid}/`) for objects Portico serves. */
export const waldurUrl = (origin: string, collection: string, id: string) =>
  `${origin}/api/${collection}/${hexUuid(id)}/`;
