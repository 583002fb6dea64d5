import { useEffect, useRef } from "react";

/**
 * Focus for an element that replaces the control the user just used (the next step of a
 * booking): without it focus falls back to the page's start and screen readers lose their place.
 * Give the element tabIndex={-1}.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
