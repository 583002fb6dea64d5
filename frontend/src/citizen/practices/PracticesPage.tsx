import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useQuery } from "urql";

import { PracticesMineDocument, type PracticeStatus, type PracticesSummaryFragment } from "../../gql/graphql";
import { usePageTitle } from "../../shared/layout/Layout";
import { useTenant } from "../../shared/providers";
import { CursorPager, useCursorPages } from "../../shared/pagination";
import { formatDateTime } from "../../shared/format";
import { STATUS_GROUPS, type StatusGroup } from "../../shared/practiceStatus";
import { PracticeStatusBadge } from "../../shared/PracticeStatusBadge";
import { DeleteDraftButton } from "./DeleteDraftButton";

const PAGE_SIZE = 10;
/**
 * The list holds practices: a mutation naming the type (deleting a draft) reads it again. Its
 * persisted query's text has no __typename to tell urql's cache so; a module constant, as urql
 * compares contexts by identity.
 */
const LIST_CONTEXT = { additionalTypenames: ["Practice"] };

function PracticeRow({ practice, onDeleted }: { practice: PracticesSummaryFragment; onDeleted(id: string): void }) {
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
            <>
              <p className="mb-2 mt-1 small">
                <Link to={`/pratiche/${encodeURIComponent(practice.id)}`} aria-label={t("list.resumeNamed", { service: name })}>
                  {t("list.resume")}
                </Link>
              </p>
              <DeleteDraftButton practiceId={practice.id} serviceName={name} inList onDeleted={() => onDeleted(practice.id)} />
            </>
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
  const location = useLocation();
  // "Bozza eliminata." from the draft's own page, or from a row of this list
  const [notice, setNotice] = useState<string>(() => (location.state as { notice?: string } | null)?.notice ?? "");
  const noticeRef = useRef<HTMLParagraphElement>(null);
  /** The draft deleted from a row, until the list no longer shows it. */
  const [removed, setRemoved] = useState<string | null>(null);
  const deleted = (id: string) => {
    setNotice(t("drafts.deleted"));
    setRemoved(id);
  };
  const statuses = group ? ([...STATUS_GROUPS[group]] as PracticeStatus[]) : null;
  const [{ data, fetching, error }] = useQuery({
    query: PracticesMineDocument,
    variables: { statuses, first: PAGE_SIZE, after: pages.after },
    requestPolicy: "cache-and-network",
    context: LIST_CONTEXT,
  });
  usePageTitle(t("list.title"), tenant.name);
  const connection = data?.practices;
  // Its row (and the button that had the focus) is gone: the focus goes to what happened.
  useEffect(() => {
    if (removed && connection && !connection.edges.some(({ node }) => node.id === removed)) {
      noticeRef.current?.focus();
      setRemoved(null);
    }
  }, [removed, connection]);
  return (
    <>
      <h1>{t("list.title")}</h1>
      <p role="status" tabIndex={-1} ref={noticeRef} className={notice ? "alert alert-success mt-3" : "visually-hidden"} data-testid="practices-notice">
        {notice}
      </p>
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
            <PracticeRow key={node.id} practice={node} onDeleted={deleted} />
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
