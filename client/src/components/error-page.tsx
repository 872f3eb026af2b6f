import { Component, type ReactNode } from "react";

/** Shown instead of a blank page when a page fails to render. */
export function ErrorPage() {
  return (
    <section className="not-found" role="alert">
      <h1>Something went wrong</h1>
      <p>This page couldn't be shown. Your cart is safe; please try again.</p>
      <a className="button" href="/">
        Back to the shop
      </a>
    </section>
  );
}

/** Renders the ErrorPage when its children fail to render, until `resetKey` (the page's path) changes. */
export class ErrorBoundary extends Component<{ resetKey: string; children: ReactNode }, { error: unknown; key: string }> {
  state = { error: null as unknown, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error("A page failed to render") };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { error: unknown; key: string }) {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  componentDidCatch(error: unknown) {
    console.error(error);
  }

  render() {
    return this.state.error ? <ErrorPage /> : this.props.children;
  }
}
