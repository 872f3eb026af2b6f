import { ObjectType } from "type-graphql";
import { Connection } from "../graphql/connection";
import { StockMovement } from "./stock-movement.entity";

@ObjectType({ description: "A product's stock history, newest first, a page at a time." })
export class StockMovementConnection extends Connection(StockMovement) {}
