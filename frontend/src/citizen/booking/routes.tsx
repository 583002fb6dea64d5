import type { PageRoute } from "../../shared/routes";

export const bookingRoutes: PageRoute[] = [];
