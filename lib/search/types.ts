/**
 * The ARGO search DSL (seeds 002/003, SPEC §4): a `query` compares one field, a `filter` combines
 * criteria with AND/OR, nested to any depth (within MAX_DEPTH).
 */
export const OPERANDS = ["eq", "neq", "lt", "lte", "gt", "gte", "in", "like", "exists", "nexists"] as const;
export type Operand = (typeof OPERANDS)[number];
export const OPERATORS = ["AND", "OR"] as const;
export type Operator = (typeof OPERATORS)[number];

export type Scalar = string | number | boolean;
export type QueryNode = { type: "query"; field: string; operand: Operand; values?: Scalar | Scalar[] };
export type FilterNode = { type: "filter"; operator: Operator; criteria: SearchNode[] };
export type SearchNode = QueryNode | FilterNode;

/** A searchable field: text compares as text (byte order), date compares as an instant. */
export type FieldType = "text" | "date";

export const MAX_DEPTH = 10;
export const MAX_NODES = 500;
export const MAX_IN_VALUES = 100;

/** Which operands a field type accepts. */
export const OPERANDS_FOR: Record<FieldType, readonly Operand[]> = {
  text: OPERANDS,
  date: ["eq", "neq", "lt", "lte", "gt", "gte", "in", "exists", "nexists"],
};

/** A parsed query with its values already in the field's type. */
export type TypedQuery = {
  type: "query";
  field: string;
  fieldType: FieldType;
  operand: Operand;
  values: (string | Date)[];
};
export type TypedFilter = { type: "filter"; operator: Operator; criteria: TypedNode[] };
export type TypedNode = TypedQuery | TypedFilter;
