import type { NextFunction, Request, Response } from "express";
import type { AuthChecker } from "type-graphql";
import type { Context, Viewer } from "./context";
import { forbidden, unauthenticated } from "./errors";

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

/**
 * Express middleware running `authorize` for the request's viewer; the app's error handler answers refusals.
 * The routes behind it find the viewer in `res.locals.viewer` (see viewerOfRoute).
 */
export function requireRole(roles: readonly string[], viewerOf: (req: Request, res: Response) => Promise<Viewer>) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const viewer = await viewerOf(req, res);
    authorize(viewer, roles);
    res.locals.viewer = viewer;
    next();
  };
}

/** The viewer requireRole let through, in a route behind it. */
export const viewerOfRoute = (res: Response): Viewer => res.locals.viewer as Viewer;
