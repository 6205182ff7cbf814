/** An ILIKE pattern matching values that contain `s` literally (`%` and `_` in `s` are not wildcards). */
export const containsPattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => "\\" + c)}%`;
