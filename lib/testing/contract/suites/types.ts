import type { ContractClient } from "../client";

/** What the seed flow made, for the suites after it (`staff`, `owner` and `agent` are token names in the client). */
export type ContractWorld = {
  customer: { url: string; uuid: string; name: string };
  category: { url: string; uuid: string };
  /** The seed's SLURM offering, Active after the flow. */
  offering: { url: string; uuid: string; name: string; plans: { url: string; uuid: string }[] };
  /** The seed's service account, OFFERING.MANAGER of the offering; its token is `agent`. */
  serviceAccount: { uuid: string; username: string };
  /** A unique tag for names made in this run. */
  tag: string;
};

/** One area's calls against the running server; suites run in order, the seed flow first. */
export type ContractSuite = { name: string; run: (c: ContractClient, w: ContractWorld) => Promise<void> };
