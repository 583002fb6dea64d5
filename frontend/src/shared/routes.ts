import type { ReactElement } from "react";

/** A page of an app: its path below the app's base, and whether it needs a logged-in user. */
export interface PageRoute {
  path: string;
  element: ReactElement;
  private?: boolean;
}
