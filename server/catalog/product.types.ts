import { ObjectType } from "type-graphql";
import { Connection } from "../graphql/connection";
import { Product } from "./product.entity";

@ObjectType()
export class ProductConnection extends Connection(Product) {}
