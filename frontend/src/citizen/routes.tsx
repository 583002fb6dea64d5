import type { PageRoute } from "../shared/routes";
import { bookingRoutes } from "./booking/routes";
import { catalogueRoutes } from "./catalogue/routes";
import { deskRoutes } from "./desk/routes";
import { practiceRoutes } from "./practices/routes";

/** The citizen area's pages: catalogue/, desk/, practices/ and booking/ (appointments and rooms). */
export const citizenRoutes: PageRoute[] = [...catalogueRoutes, ...deskRoutes, ...practiceRoutes, ...bookingRoutes];
