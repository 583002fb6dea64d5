import type { PageRoute } from "../../shared/routes";
import { CataloguePage } from "./CataloguePage";
import { ServicePage } from "./ServicePage";

/** The public catalogue: the home of the citizen area and the service pages. */
export const catalogueRoutes: PageRoute[] = [
  { path: "/", element: <CataloguePage /> },
  { path: "servizi/:slug", element: <ServicePage /> },
];
