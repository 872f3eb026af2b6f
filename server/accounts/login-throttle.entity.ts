import { Column, Entity, PrimaryColumn } from "typeorm";

/** Failed logins per email or per client address, kept in the database so every server process sees them. */
@Entity("login_throttle")
export class LoginThrottle {
  /** "email:<normalized>" or "ip:<address>". */
  @PrimaryColumn({ type: "varchar", length: 300 })
  key: string;

  @Column({ type: "int" })
  failures: number;

  @Column({ name: "window_started_at", type: "datetime" })
  windowStartedAt: Date;

  @Column({ name: "blocked_until", type: "datetime", nullable: true })
  blockedUntil: Date | null;
}
