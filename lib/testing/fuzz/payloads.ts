// Hostile values the fuzzer plants into bodies, params, queries and headers.
export const HOSTILE_STRINGS = [
  "",
  " ",
  "\u0000",
  "abc\u0000def",
  "../../../../etc/passwd",
  "..%2f..%2f..%2fetc%2fpasswd",
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "${jndi:ldap://x}",
  "{{7*7}}",
  "%00",
  "\uD800",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓ ünïcødé 中文 العربية",
  "\u202Eevil",
  "x".repeat(10_000),
  "NaN",
  "-1",
  "1e309",
  "2024-13-45",
  "2024-02-30T25:61:61Z",
  "0000-00-00",
  "true",
  "null",
  "[]",
  "{}",
];

export const HOSTILE_NUMBERS = [
  -1,
  0,
  -0,
  1.5,
  -2147483649,
  2147483648,
  9007199254740993,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];

export function deepNesting(depth: number): unknown {
  let v: unknown = "leaf";
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

export const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_STRINGS,
  ...HOSTILE_NUMBERS,
  null,
  true,
  false,
  [],
  {},
  [1, "a", null],
  { $gt: "" },
  { __proto__: { polluted: true } },
  Array.from({ length: 5000 }, (_, i) => i),
  deepNesting(200),
];

export const RAW_BODIES: { body: string; contentType: string }[] = [
  { body: "{", contentType: "application/json" },
  { body: '{"a":', contentType: "application/json" },
  { body: "not json at all", contentType: "application/json" },
  { body: "[]", contentType: "application/json" },
  { body: "null", contentType: "application/json" },
  { body: '"string"', contentType: "application/json" },
  { body: "12345", contentType: "application/json" },
  { body: "\u0000\u0001\u0002", contentType: "application/json" },
  { body: '{"a":1}', contentType: "text/plain" },
  { body: "a=1&b=2", contentType: "application/x-www-form-urlencoded" },
  { body: "<xml/>", contentType: "application/xml" },
  { body: '{"a":'.repeat(20_000) + "1" + "}".repeat(20_000), contentType: "application/json" },
  { body: "[".repeat(50_000) + "]".repeat(50_000), contentType: "application/json" },
  { body: "x".repeat(2 * 1024 * 1024), contentType: "application/json" },
];
