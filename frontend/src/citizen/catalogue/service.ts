import type { CatalogueServiceCardFragment, ServiceStatus } from "../../gql/graphql";

export type ServiceSummary = CatalogueServiceCardFragment;

/** The statuses in which a visible service takes new practices (SUSPENDED ones are shown but closed). */
const OPEN: readonly ServiceStatus[] = ["AVAILABLE", "SCHEDULED", "PRIVATE"];

export function isOpen(service: Pick<ServiceSummary, "status">): boolean {
  return OPEN.includes(service.status);
}

/** Whether a citizen can apply online now: the service is open and has a form to fill. */
export function appliesOnline(service: Pick<ServiceSummary, "status" | "form">): boolean {
  return isOpen(service) && service.form !== null;
}

export type BadgeKind = "online" | "appointment" | "payment" | "suspended" | "until";

/** The labels a service card shows, in this order: how one applies, what it asks, its state. */
export function serviceBadges(service: ServiceSummary): BadgeKind[] {
  const badges: BadgeKind[] = [];
  if (appliesOnline(service)) badges.push("online");
  if (service.bookingRequired) badges.push("appointment");
  if (service.paymentRequired) badges.push("payment");
  if (service.status === "SUSPENDED") badges.push("suspended");
  if (service.status === "SCHEDULED" && service.publishUntil) badges.push("until");
  return badges;
}
