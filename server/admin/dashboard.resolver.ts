import { Authorized, Query, Resolver } from "type-graphql";
import type { DashboardService } from "./dashboard.service";
import { Dashboard } from "./dashboard.types";

@Resolver()
export class DashboardResolver {
  constructor(private readonly service: DashboardService) {}

  @Authorized("ADMIN")
  @Query(() => Dashboard)
  dashboard(): Promise<Dashboard> {
    return this.service.summary();
  }
}
