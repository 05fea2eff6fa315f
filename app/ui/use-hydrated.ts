import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/**
 * False in the server's HTML and while it hydrates, true once React runs in the
 * browser: controls that only work with JavaScript (add a row, remove a row)
 * appear then, and the page served without JavaScript offers its own way.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
