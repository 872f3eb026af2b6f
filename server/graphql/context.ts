import type { RequestSession } from "../sessions/request-session";
import type { Loaders } from "./loaders";

/** What every resolver gets for the request it serves. */
export interface Context {
  session: RequestSession;
  loaders: Loaders;
}
