import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";

import { BookingMyAppointmentsDocument } from "../../gql/graphql";
import { usePageTitle } from "../../shared/layout/Layout";
import { ProblemList } from "../../shared/ProblemList";
import { problemsOf } from "../../shared/problems";
import { useSession, useTenant } from "../../shared/providers";
import { AppointmentCard } from "./AppointmentCard";
import { LoginLink } from "./LoginLink";
import { CursorPager, useCursorPages } from "../../shared/pagination";

const PAGE = 10;
/** An empty list has no Appointment in it for the cache to notice: name the type it depends on. */
const CONTEXT = { additionalTypenames: ["Appointment"] };

/** /appuntamenti: the citizen's appointments, or for a visitor what this page is and how to get in. */
export function AppointmentsPage() {
  const { t } = useTranslation("booking");
  const tenant = useTenant();
  const { user, loading } = useSession();
  usePageTitle(t("mine.title"), tenant.name);
  return (
    <div>
      <h1>{t("mine.title")}</h1>
      {loading ? <p role="status">{t("loading")}</p> : user ? <MyAppointments /> : <AnonymousIntro />}
    </div>
  );
}

function AnonymousIntro() {
  const { t } = useTranslation("booking");
  return (
    <div className="callout note" data-testid="appointments-anonymous">
      <p>{t("mine.anonymousIntro")}</p>
      <div className="d-flex flex-wrap gap-2">
        <LoginLink>{t("mine.login")}</LoginLink>
        <Link className="btn btn-outline-primary" to="/appuntamenti/prenota">{t("mine.book")}</Link>
      </div>
    </div>
  );
}

function MyAppointments() {
  const { t } = useTranslation("booking");
  const [includePast, setIncludePast] = useState(false);
  const pages = useCursorPages();
  const [result] = useQuery({
    query: BookingMyAppointmentsDocument,
    variables: { includePast, first: PAGE, after: pages.after },
    context: CONTEXT,
  });
  const connection = result.data?.myAppointments;
  const appointments = connection?.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-3 mb-3">
        <Link className="btn btn-primary" to="/appuntamenti/prenota">{t("mine.book")}</Link>
        <div className="form-check mb-0">
          <input id="appointments-past" type="checkbox" checked={includePast}
            onChange={(event) => { setIncludePast(event.target.checked); pages.reset(); }} />
          <label htmlFor="appointments-past">{t("mine.includePast")}</label>
        </div>
      </div>
      <ProblemList problems={problemsOf(undefined, result.error)} />
      <p role="status" data-testid="appointments-count">
        {result.fetching && !connection ? t("loading") : t("mine.count", { count: connection?.totalCount ?? 0 })}
      </p>
      <ul className="list-unstyled" data-testid="appointments">
        {appointments.map((appointment) => (
          <li key={appointment.id} className="mb-4">
            <AppointmentCard appointment={appointment} />
          </li>
        ))}
      </ul>
      <CursorPager label={t("mine.pages")} page={pages.page} hasPrevious={pages.hasPrevious}
        hasNext={connection?.pageInfo.hasNextPage ?? false} onPrevious={pages.previous}
        onNext={() => pages.next(connection?.pageInfo.endCursor)} />
    </>
  );
}
