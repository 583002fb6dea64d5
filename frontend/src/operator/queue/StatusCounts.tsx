import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import type { PracticeStatus } from "../../gql/graphql";
import { firstPage, OPEN_STATUSES, queueSearch, type QueueState } from "./queueState";

/**
 * Sent practices per open status, each a link to the queue of that status alone (the other
 * filters kept); "Tutte le aperte" is the open work, and one more link takes the closed too.
 */
export function StatusCounts({ counts, state }: { counts: readonly { status: PracticeStatus; count: number }[]; state: QueueState }) {
  const { t } = useTranslation("operator");
  if (!counts.length) return null;
  const open = counts.filter(({ status }) => OPEN_STATUSES.includes(status));
  const only = state.statuses.length === 1 ? state.statuses[0] : null;
  const link = (current: boolean, changes: Partial<QueueState>, children: ReactNode) => (
    <Link className={`btn btn-sm ${current ? "btn-primary" : "btn-outline-primary"}`}
      to={{ search: queueSearch(firstPage({ ...state, ...changes })).toString() }} aria-current={current ? "page" : undefined}>
      {children}
    </Link>
  );
  const none = !state.statuses.length;
  return (
    <nav aria-label={t("queue.counts.label")} className="queue-counts mb-2" data-testid="status-counts">
      <ul className="list-inline mb-0">
        <li className="list-inline-item mb-2">
          {link(none && !state.closed, { statuses: [], closed: false },
            t("queue.counts.all", { count: open.reduce((sum, { count }) => sum + count, 0) }))}
        </li>
        {open.map(({ status, count }) => (
          <li className="list-inline-item mb-2" key={status}>
            {link(only === status, { statuses: [status], closed: false }, (
              <>
                {t(`status.${status}`, { ns: "practices" })}{" "}
                <span className="badge bg-white text-primary ms-1">{count}</span>
              </>
            ))}
          </li>
        ))}
        <li className="list-inline-item mb-2">
          {link(none && state.closed, { statuses: [], closed: true },
            t("queue.counts.withClosed", { count: counts.reduce((sum, { count }) => sum + count, 0) }))}
        </li>
      </ul>
    </nav>
  );
}
