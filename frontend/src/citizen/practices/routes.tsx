import type { PageRoute } from "../../shared/routes";
import { ApplyPage } from "./ApplyPage";
import { PracticePage } from "./PracticePage";
import { PracticesPage } from "./PracticesPage";

/** The citizen's applications: a new one from a service, the list, and one practice. */
export const practiceRoutes: PageRoute[] = [
  { path: "servizi/:slug/domanda", element: <ApplyPage />, private: true },
  { path: "pratiche", element: <PracticesPage />, private: true },
  { path: "pratiche/:id", element: <PracticePage />, private: true },
];
