import type { PageRoute } from "../../shared/routes";

export const operatorRoutes: PageRoute[] = [];
