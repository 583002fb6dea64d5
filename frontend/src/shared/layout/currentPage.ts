import { createContext } from "react";

import type { Crumb } from "./trail";

/** What a page said of itself through `usePageTitle`: the layout draws the breadcrumb from it. */
export interface CurrentPage {
  pathname: string;
  title: string;
  /** The steps between the app's sections and the page, when the page knows better than its address. */
  parents?: Crumb[];
}

export const CurrentPageContext = createContext<(page: CurrentPage) => void>(() => {});
