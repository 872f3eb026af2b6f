import type { AuthCheckerInterface, ResolverData } from "type-graphql";
import type { Role } from "../accounts/customer.entity";
import type { Context } from "./context";
import { forbidden, unauthenticated } from "./errors";

/**
 * The check behind every @Authorized: a guest gets UNAUTHENTICATED, a signed-in customer without the
 * role FORBIDDEN. The role is read from the database with the session, never from the client.
 */
export class AuthChecker implements AuthCheckerInterface<Context, Role> {
  async check({ context }: ResolverData<Context>, roles: Role[]): Promise<boolean> {
    const viewer = await context.session.viewer();
    if (!viewer.customerId) throw unauthenticated();
    if (roles.length && (!viewer.role || !roles.includes(viewer.role))) throw forbidden();
    return true;
  }
}
