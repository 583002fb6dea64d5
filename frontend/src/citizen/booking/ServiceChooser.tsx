import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";

import { BookingBookableServicesDocument, type BookingBookableServicesQuery } from "../../gql/graphql";
import { ProblemList } from "../../shared/ProblemList";
import { problemsOf } from "../../shared/problems";
import { CursorPager, useCursorPages } from "../../shared/pagination";

type ServiceNode = BookingBookableServicesQuery["services"]["edges"][number]["node"];

const PAGE = 100;

/** Whether a service takes appointments: it names the calendars it is booked on. */
export function isBookable(service: ServiceNode): boolean {
  return service.calendars.length > 0;
}

/** The offices where a service's appointments take place, each named once. */
function officesOf(service: ServiceNode): string {
  return [...new Set(service.calendars.flatMap((calendar) => (calendar.office ? [calendar.office.name] : [])))].join(", ");
}

/** The services one can book an appointment for; each links to the booking page with it chosen. */
export function ServiceChooser() {
  const { t } = useTranslation("booking");
  const pages = useCursorPages();
  const [result] = useQuery({ query: BookingBookableServicesDocument, variables: { first: PAGE, after: pages.after } });
  const connection = result.data?.services;
  const services = connection?.edges.map((edge) => edge.node).filter(isBookable) ?? [];
  return (
    <section aria-labelledby="booking-choose-service">
      <h2 id="booking-choose-service" className="h4">{t("book.chooseService")}</h2>
      <ProblemList problems={problemsOf(undefined, result.error)} />
      {result.fetching && <p role="status">{t("loading")}</p>}
      <ul className="list-unstyled row" data-testid="bookable-services">
        {services.map((service) => (
          <li key={service.id} className="col-12 col-md-6 mb-3">
            <div className="card card-bg h-100">
              <div className="card-body">
                <h3 className="card-title h5">
                  <Link to={`/appuntamenti/prenota?servizio=${encodeURIComponent(service.id)}`}>{service.name}</Link>
                </h3>
                {service.shortDescription && <p className="card-text">{service.shortDescription}</p>}
                <p className="card-text small mb-0">{officesOf(service)}</p>
              </div>
            </div>
          </li>
        ))}
      </ul>
      <CursorPager label={t("book.servicesPages")} page={pages.page} hasPrevious={pages.hasPrevious}
        hasNext={connection?.pageInfo.hasNextPage ?? false} onPrevious={pages.previous}
        onNext={() => pages.next(connection?.pageInfo.endCursor)} />
    </section>
  );
}
