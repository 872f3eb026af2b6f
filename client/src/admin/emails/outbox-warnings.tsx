import { Link } from "react-router";
import type { EmailOutboxFieldsFragment } from "../../graphql/graphql";
import { count } from "../../lib/messages";

/**
 * What the owner must act on about email: no mail server configured (everything waits in the outbox), and
 * messages given up on (linked to the outbox's failed list, unless that is where the owner is).
 */
export function OutboxWarnings({ outbox, linkFailed = true }: { outbox: EmailOutboxFieldsFragment; linkFailed?: boolean }) {
  const failed = `${count(outbox.failed, "email")} could not be sent`;
  return (
    <>
      {outbox.delivery === "NOT_CONFIGURED" && (
        <p className="warning" data-testid="email-not-configured">
          Email is not configured: order confirmations, alerts and password resets wait in the outbox until SMTP_URL and MAIL_FROM are set.
        </p>
      )}
      {outbox.failed > 0 && (
        <p className="warning" data-testid="emails-failed">
          {linkFailed ? <Link to="/admin/emails?status=FAILED">{failed}</Link> : failed}: check why, then send them again.
        </p>
      )}
    </>
  );
}
