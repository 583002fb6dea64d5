import type { PageRoute } from "../../shared/routes";

export const practiceRoutes: PageRoute[] = [];
