import { Column, CreateDateColumn, Entity, PrimaryColumn } from "typeorm";

/** A shopper's session. The id is the SHA-256 of the token the client holds, so a database leak leaks no tokens. */
@Entity("session")
export class Session {
  @PrimaryColumn({ type: "varchar", length: 64 })
  id: string;

  @CreateDateColumn({ name: "created_at" })
  createdAt: Date;

  @Column({ name: "expires_at", type: "datetime" })
  expiresAt: Date;
}
