import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";

import { PracticesMineDocument, type PracticeStatus, type PracticesSummaryFragment } from "../../gql/graphql";
import { usePageTitle } from "../../shared/layout/Layout";
import { useTenant } from "../../shared/providers";
import { CursorPager, useCursorPages } from "../../shared/pagination";
import { formatDateTime } from "../../shared/format";
import { STATUS_GROUPS, type StatusGroup } from "../../shared/practiceStatus";
import { PracticeStatusBadge } from "../../shared/PracticeStatusBadge";

const PAGE_SIZE = 10;

function PracticeRow({ practice }: { practice: PracticesSummaryFragment }) {
  const { t, i18n } = useTranslation("practices");
  const draft = practice.status === "DRAFT";
  const when = practice.submittedAt ?? practice.updatedAt;
  const name = practice.service?.name ?? t("list.unknownService");
  return (
    <li className="list-group-item py-3" data-testid="practice-row">
      <div className="d-flex flex-wrap justify-content-between gap-2">
        <div>
          <h2 className="h5 mb-1">
            <Link to={`/pratiche/${encodeURIComponent(practice.id)}`}>
              {name}
              <span className="visually-hidden">
                {", "}
                {practice.number ? t("list.numbered", { number: practice.number }) : t("status.DRAFT")}
              </span>
            </Link>
          </h2>
          <p className="mb-0 small">
            {practice.number ? t("list.number", { number: practice.number }) : t("list.noNumber")}
            {" · "}
            {t(practice.submittedAt ? "list.submitted" : "list.updated", { when: formatDateTime(when, i18n.language) })}
          </p>
          {practice.unreadCount > 0 && (
            <p className="mb-0 small fw-semibold">{t("list.unread", { count: practice.unreadCount })}</p>
          )}
        </div>
        <div className="text-end">
          <PracticeStatusBadge status={practice.status} />
          {draft && (
            <p className="mb-0 mt-1 small">
              <Link to={`/pratiche/${encodeURIComponent(practice.id)}`} aria-label={t("list.resumeNamed", { service: name })}>
                {t("list.resume")}
              </Link>
            </p>
          )}
        </div>
      </div>
    </li>
  );
}

/** /pratiche — "Le mie pratiche": the citizen's practices, drafts included, filtered by status. */
export function PracticesPage() {
  const { t } = useTranslation("practices");
  const tenant = useTenant();
  const filterId = useId();
  const [group, setGroup] = useState<StatusGroup | "">("");
  const pages = useCursorPages();
  const statuses = group ? ([...STATUS_GROUPS[group]] as PracticeStatus[]) : null;
  const [{ data, fetching, error }] = useQuery({
    query: PracticesMineDocument,
    variables: { statuses, first: PAGE_SIZE, after: pages.after },
    requestPolicy: "cache-and-network",
  });
  usePageTitle(t("list.title"), tenant.name);
  const connection = data?.practices;
  return (
    <>
      <h1>{t("list.title")}</h1>
      <div className="row mt-4 mb-3">
        <div className="col-12 col-md-6 col-lg-4">
          <div className="select-wrapper">
            <label htmlFor={filterId}>{t("list.filter")}</label>
            <select
              id={filterId}
              value={group}
              onChange={(event) => {
                setGroup(event.target.value as StatusGroup | "");
                pages.reset();
              }}
            >
              <option value="">{t("list.groups.all")}</option>
              {(Object.keys(STATUS_GROUPS) as StatusGroup[]).map((key) => (
                <option key={key} value={key}>
                  {t(`list.groups.${key}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
      <p role="status" data-testid="practices-count">
        {fetching && !connection ? t("loading") : connection ? t("list.count", { count: connection.totalCount ?? 0 }) : ""}
      </p>
      {error && (
        <div className="alert alert-danger" role="alert">
          {error.message}
        </div>
      )}
      {connection && connection.edges.length > 0 && (
        <ul className="list-group mb-3">
          {connection.edges.map(({ node }) => (
            <PracticeRow key={node.id} practice={node} />
          ))}
        </ul>
      )}
      {connection && !connection.edges.length && (
        <p>
          {t("list.empty")} <Link to="/">{t("list.browse")}</Link>
        </p>
      )}
      {connection && (
        <CursorPager
          label={t("list.pager")}
          page={pages.page}
          hasPrevious={pages.hasPrevious}
          hasNext={connection.pageInfo.hasNextPage}
          onPrevious={pages.previous}
          onNext={() => pages.next(connection.pageInfo.endCursor)}
        />
      )}
    </>
  );
}
