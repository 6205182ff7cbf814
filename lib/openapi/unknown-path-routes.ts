import { unknownPathHandlers } from "@/lib/http/unknown-path";
import { allOperations } from "./all-operations";
import { dialectOfPath } from "./dialect-of-path";

// The handlers of the catch-all route under each API prefix (app/{auth,accounting-system,api,v1}/[...path]).
export const { GET, POST, PUT, PATCH, DELETE } = unknownPathHandlers((path) => dialectOfPath(path, allOperations));
