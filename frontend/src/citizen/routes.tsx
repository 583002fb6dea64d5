import type { PageRoute } from "../shared/routes";
import { bookingRoutes } from "./booking/routes";
import { practiceRoutes } from "./pages/routes";

/** The citizen area's pages: catalogue and practices (pages/), appointments and rooms (booking/). */
export const citizenRoutes: PageRoute[] = [...practiceRoutes, ...bookingRoutes];
