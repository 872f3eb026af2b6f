import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from "typeorm";

export enum Role {
  CUSTOMER = "CUSTOMER",
  ADMIN = "ADMIN",
}
registerEnumType(Role, { name: "Role" });

@ObjectType()
@Entity("customer")
export class Customer {
  @Field(() => ID)
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Field()
  @Column({ type: "varchar", length: 254 })
  email: string;

  /** Lower-cased email: emails are unique and compared without regard to case. */
  @Index("uq_customer_email", { unique: true })
  @Column({ name: "email_normalized", type: "varchar", length: 254 })
  emailNormalized: string;

  @Field()
  @Column({ type: "varchar", length: 100 })
  name: string;

  /** scrypt$N$r$p$salt$hash; never exposed. */
  @Column({ name: "password_hash", type: "varchar", length: 255 })
  passwordHash: string;

  @Field(() => Role)
  @Column({ type: "varchar", length: 20 })
  role: Role;

  /** The demo store's owner: signs in only in demo mode (see Config.demo). */
  @Column({ name: "is_demo", type: "boolean", default: false })
  isDemo: boolean;

  @CreateDateColumn({ name: "created_at" })
  createdAt: Date;
}
