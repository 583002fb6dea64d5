import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useQuery } from "urql";

import { CatalogueServiceDocument, CatalogueServiceSlotsDocument } from "../../gql/graphql";
import { addDays, localDay } from "../../shared/dates";
import { usePageTitle } from "../../shared/layout/Layout";
import { ProblemList } from "../../shared/ProblemList";
import { problemsOf } from "../../shared/problems";
import { useTenant } from "../../shared/providers";
import { ServiceDetails, serviceParents } from "./ServiceDetails";

/** How far ahead free slots are looked for: a calendar's default booking window. */
const BOOKING_LOOKAHEAD_DAYS = 30;

/**
 * Whether appointments can be booked for a service: its calendars have a free slot in the
 * coming month. Undefined until known.
 */
function useBookable(serviceId: string | undefined): boolean | undefined {
  const range = useMemo(() => {
    const start = localDay(new Date());
    return { start, end: addDays(start, BOOKING_LOOKAHEAD_DAYS) };
  }, []);
  const [slots] = useQuery({
    query: CatalogueServiceSlotsDocument,
    variables: { serviceId: serviceId ?? "", ...range },
    pause: !serviceId,
  });
  return slots.data ? slots.data.freeSlots.length > 0 : undefined;
}

/** /servizi/:slug — one service's page, for anyone. */
export function ServicePage() {
  const { t } = useTranslation("catalogue");
  const tenant = useTenant();
  const { slug = "" } = useParams();
  const [result] = useQuery({ query: CatalogueServiceDocument, variables: { slug } });
  const service = result.data?.service;
  const bookable = useBookable(service?.id);
  usePageTitle(
    service?.name ?? t(result.data ? "service.notFound" : "title"),
    tenant.name,
    service ? serviceParents(service, t("title")) : undefined,
  );
  if (result.error) {
    return (
      <>
        <h1>{t("title")}</h1>
        <ProblemList problems={problemsOf(undefined, result.error)} />
      </>
    );
  }
  if (!result.data) {
    return (
      <p role="status" aria-busy="true">
        {t("service.loading")}
      </p>
    );
  }
  if (!service) {
    return (
      <>
        <h1>{t("service.notFound")}</h1>
        <p>{t("service.notFoundText")}</p>
        <Link to="/">{t("service.back")}</Link>
      </>
    );
  }
  return (
    <ServiceDetails service={service} bookable={bookable} topicsLanguage={tenant.defaultLanguage.toLowerCase()} />
  );
}
