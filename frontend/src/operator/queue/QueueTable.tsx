import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { PracticeStatusBadge } from "../../shared/PracticeStatusBadge";
import type { OperatorQueueRowFragment, PracticeSortField } from "../../gql/graphql";
import { formatShortDateTime } from "../dates";

interface QueueTableProps {
  rows: readonly OperatorQueueRowFragment[];
  total: number | null | undefined;
  sort: PracticeSortField;
  descending: boolean;
  /** Sort by a column: the same column again turns the order round. */
  onSort(field: PracticeSortField): void;
}

/** A column header that sorts; aria-sort says the order it is in now. */
function SortHeader({ field, label, sort, descending, onSort }: {
  field: PracticeSortField;
  label: string;
  sort: PracticeSortField;
  descending: boolean;
  onSort(field: PracticeSortField): void;
}) {
  const { t } = useTranslation("operator");
  const active = field === sort;
  const order = active ? (descending ? "descending" : "ascending") : "none";
  return (
    <th scope="col" aria-sort={order}>
      <button type="button" className="btn btn-link p-0 fw-semibold text-start" onClick={() => onSort(field)}>
        {label}
        <span aria-hidden="true">{active ? (descending ? " ↓" : " ↑") : ""}</span>
        <span className="visually-hidden">{` (${t(active ? `queue.table.sorted.${order}` : "queue.table.sortable")})`}</span>
      </button>
    </th>
  );
}

/**
 * The work queue as a table: one practice a row, the number linking to its page. On a phone
 * (queue.css, imported by the page) each row becomes a card whose cells carry their column's name (`data-label`).
 */
export function QueueTable({ rows, total, sort, descending, onSort }: QueueTableProps) {
  const { t, i18n } = useTranslation("operator");
  const date = (instant: string | null | undefined) =>
    instant ? (
      <time dateTime={instant}>{formatShortDateTime(instant, i18n.language)}</time>
    ) : (
      "—"
    );
  const header = { sort, descending, onSort };
  return (
    <div className="table-responsive queue-table-wrapper">
      <table className="table table-hover align-middle queue-table" data-testid="queue-table">
        <caption className="caption-top">{t("queue.table.caption", { count: total ?? rows.length })}</caption>
        <thead>
          <tr>
            <SortHeader field="NUMBER" label={t("queue.table.number")} {...header} />
            <th scope="col">{t("queue.table.service")}</th>
            <th scope="col">{t("queue.table.applicant")}</th>
            <th scope="col">{t("queue.table.status")}</th>
            <SortHeader field="SUBMITTED_AT" label={t("queue.table.submitted")} {...header} />
            <SortHeader field="UPDATED_AT" label={t("queue.table.updated")} {...header} />
            <th scope="col">{t("queue.table.assignee")}</th>
            <th scope="col">{t("queue.table.unread")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="queue-row">
              <th scope="row" data-label={t("queue.table.number")}>
                <Link to={`/pratiche/${encodeURIComponent(row.id)}`}>{row.number ?? t("queue.table.noNumber")}</Link>
              </th>
              <td data-label={t("queue.table.service")}>{row.service?.name ?? "—"}</td>
              <td data-label={t("queue.table.applicant")}>
                {row.applicant ? (
                  <span>
                    {row.applicant.fullName}
                    {row.applicant.fiscalCode && <span className="d-block small">{row.applicant.fiscalCode}</span>}
                  </span>
                ) : (
                  "—"
                )}
              </td>
              <td data-label={t("queue.table.status")}>
                <PracticeStatusBadge status={row.status} />
              </td>
              <td data-label={t("queue.table.submitted")}>{date(row.submittedAt)}</td>
              <td data-label={t("queue.table.updated")}>{date(row.updatedAt)}</td>
              <td data-label={t("queue.table.assignee")}>{row.assignee?.fullName ?? t("queue.table.nobody")}</td>
              <td data-label={t("queue.table.unread")}>
                {row.unreadCount > 0 ? (
                  <span className="badge bg-primary">{t("queue.table.unreadCount", { count: row.unreadCount })}</span>
                ) : (
                  <span>{t("queue.table.noUnread")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
