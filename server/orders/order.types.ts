import { ObjectType } from "type-graphql";
import { Connection } from "../graphql/connection";
import { Order } from "./order.entity";

@ObjectType()
export class OrderConnection extends Connection(Order) {}
