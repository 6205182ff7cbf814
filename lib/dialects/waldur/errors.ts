import type { Dialect } from "@/lib/http/dialect";

// Waldur (Django REST framework): `{field: [messages]}` for validation, `{detail}` otherwise.
export const waldurDialect: Dialect = {
  name: "waldur",
  authScheme: "Token",
  errorBody: (err) =>
    err.fieldErrors && Object.keys(err.fieldErrors).length ? err.fieldErrors : { detail: err.message },
};
