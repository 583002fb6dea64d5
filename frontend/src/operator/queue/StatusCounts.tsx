import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import type { PracticeStatus } from "../../gql/graphql";
import { firstPage, queueSearch, type QueueState } from "./queueState";

/** Sent practices per status, each a link to the queue of that status alone (the other filters kept). */
export function StatusCounts({ counts, state }: { counts: readonly { status: PracticeStatus; count: number }[]; state: QueueState }) {
  const { t } = useTranslation("operator");
  if (!counts.length) return null;
  const only = state.statuses.length === 1 ? state.statuses[0] : null;
  return (
    <nav aria-label={t("queue.counts.label")} className="mb-4" data-testid="status-counts">
      <ul className="list-inline mb-0">
        <li className="list-inline-item mb-2">
          <Link
            className={`btn btn-sm ${state.statuses.length ? "btn-outline-primary" : "btn-primary"}`}
            to={{ search: queueSearch(firstPage({ ...state, statuses: [] })).toString() }}
            aria-current={state.statuses.length ? undefined : "page"}
          >
            {t("queue.counts.all", { count: counts.reduce((sum, { count }) => sum + count, 0) })}
          </Link>
        </li>
        {counts.map(({ status, count }) => (
          <li className="list-inline-item mb-2" key={status}>
            <Link
              className={`btn btn-sm ${only === status ? "btn-primary" : "btn-outline-primary"}`}
              to={{ search: queueSearch(firstPage({ ...state, statuses: [status] })).toString() }}
              aria-current={only === status ? "page" : undefined}
            >
              {t(`status.${status}`, { ns: "practices" })}{" "}
              <span className="badge bg-white text-primary ms-1">{count}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
