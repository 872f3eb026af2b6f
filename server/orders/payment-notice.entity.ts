import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * A provider notification (webhook event) that has been acted on. Written in the same transaction as its
 * effect, so a replayed or duplicated event has no second effect.
 */
@Entity("payment_notice")
@Index("uq_payment_notice_event", ["provider", "eventId"], { unique: true })
export class PaymentNoticeRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "varchar", length: 40 })
  provider: string;

  @Column({ name: "event_id", type: "varchar", length: 255 })
  eventId: string;

  @Column({ type: "varchar", length: 100 })
  type: string;

  /** The order it concerned, if any was found. */
  @Column({ name: "order_id", type: "varchar", length: 36, nullable: true })
  orderId: string | null;

  @CreateDateColumn({ name: "created_at" })
  createdAt: Date;
}
