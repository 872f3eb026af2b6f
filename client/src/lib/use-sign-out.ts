import { useApolloClient } from "@apollo/client/react";
import { useNavigate } from "react-router";
import { useLogoutMutation } from "../graphql/op.Logout";

/** Signs out, goes to the shop's home page and forgets what the cache held for the account. */
export function useSignOut(): () => Promise<void> {
  const [logout] = useLogoutMutation();
  const client = useApolloClient();
  const navigate = useNavigate();
  return async () => {
    await logout();
    navigate("/");
    // In-flight queries of the page being left are aborted; that is expected.
    await client.resetStore().catch(() => undefined);
  };
}
