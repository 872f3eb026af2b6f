import { useEffect, useRef } from "react";
import { useLocation } from "react-router";

/**
 * On a route change (not the first load), focus moves to the new page's main heading as soon as it shows, so a
 * keyboard user starts at the top of the new page and a screen reader says where they are. A page that put the
 * focus somewhere itself (a field it autofocuses) keeps it.
 */
export function useFocusOnRouteChange(): void {
  const { pathname } = useLocation();
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    const main = document.getElementById("main");
    if (!main) return;
    const focusHeading = (): boolean => {
      const active = document.activeElement;
      if (active && active !== main && main.contains(active)) return true;
      const heading = main.querySelector("h1");
      if (!heading) return false;
      if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
      return true;
    };
    if (focusHeading()) return;
    // The page shows "Loading…" first: wait for its heading (a few seconds at most).
    const observer = new MutationObserver(() => focusHeading() && observer.disconnect());
    observer.observe(main, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), 5000);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [pathname]);
}
