import type { NextFunction, Request, Response } from "express";
import type { AuthChecker } from "type-graphql";
import type { Context, Viewer } from "./context";
import { AppError, ErrorCode, forbidden, unauthenticated } from "./errors";

/**
 * The one authorization check, behind every @Authorized and every admin HTTP route: a guest gets
 * UNAUTHENTICATED, a signed-in customer without one of the roles FORBIDDEN. The role comes from the
 * database with the session, never from the client. No roles: any signed-in customer.
 */
export function authorize(viewer: Viewer, roles: readonly string[]): void {
  if (!viewer.customerId) throw unauthenticated();
  if (roles.length && (!viewer.role || !roles.includes(viewer.role))) throw forbidden();
}

export const authChecker: AuthChecker<Context, string> = async ({ context }, roles) => {
  authorize(await context.session.viewer(), roles);
  return true;
};

const HTTP_STATUS: Partial<Record<string, number>> = { [ErrorCode.UNAUTHENTICATED]: 401, [ErrorCode.FORBIDDEN]: 403 };

/** Express middleware running `authorize` for the request's viewer; refusals answer as GraphQL errors do. */
export function requireRole(roles: readonly string[], viewerOf: (req: Request, res: Response) => Promise<Viewer>) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      authorize(await viewerOf(req, res), roles);
      next();
    } catch (error) {
      if (!(error instanceof AppError)) return next(error);
      const code = String(error.extensions.code);
      res.status(HTTP_STATUS[code] ?? 400).json({ errors: [{ message: error.message, extensions: error.extensions }] });
    }
  };
}
