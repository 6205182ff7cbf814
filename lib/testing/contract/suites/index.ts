import { catalogueSuite } from "./catalogue";
import { errorsSuite } from "./errors";
import { offeringActionsSuite } from "./offering-actions";
import { ordersSuite } from "./orders";
import type { ContractSuite } from "./types";

export type { ContractSuite, ContractWorld } from "./types";
export { seed001 } from "./seed-001";

/** The suites after seed 001's flow, in order. Add an area's suite here (one file per area). */
export const contractSuites: ContractSuite[] = [catalogueSuite, offeringActionsSuite, ordersSuite, errorsSuite];
