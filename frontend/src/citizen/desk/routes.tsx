import type { PageRoute } from "../../shared/routes";
import { DeskPage } from "./DeskPage";

/** The citizen's desk ("Scrivania"): where a citizen lands after logging in. */
export const deskRoutes: PageRoute[] = [{ path: "scrivania", element: <DeskPage />, private: true }];
