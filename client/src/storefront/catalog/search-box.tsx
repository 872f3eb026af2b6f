import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";

/** The search term in the page's URL (?q=), trimmed; "" when there is none. */
export function useSearchTerm(): string {
  const [params] = useSearchParams();
  return params.get("q")?.trim() ?? "";
}

/** The shop's search box: submitting puts the term in the URL (?q=), so Back and links work. */
export function SearchBox({ label }: { label: string }) {
  const [, setParams] = useSearchParams();
  const search = useSearchTerm();
  const [typed, setTyped] = useState(search);
  const [typedFor, setTypedFor] = useState(search);
  // The box follows the URL (Back, a link to ?q=): reset while rendering, not in an effect after it.
  if (typedFor !== search) {
    setTypedFor(search);
    setTyped(search);
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(typed.trim() ? { q: typed.trim() } : {});
  };

  return (
    <form role="search" className="search" onSubmit={submit}>
      <label htmlFor="search">{label}</label>
      <input id="search" type="search" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="e.g. teapot" />
      <button type="submit">Search</button>
    </form>
  );
}
