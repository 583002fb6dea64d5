import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useQuery } from "urql";

import { OperatorQueueChoicesDocument, OperatorQueueDocument, type PracticeSortField } from "../../gql/graphql";
import { usePageTitle } from "../../shared/layout/Layout";
import { useSession, useTenant } from "../../shared/providers";
import { PRACTICES } from "../invalidation";
import { useOperators } from "../operators";
import { QueueFilters } from "./QueueFilters";
import { firstPage, parseQueueState, queueSearch, queueVariables, type QueueState } from "./queueState";
import { QueueTable } from "./QueueTable";
import { StatusCounts } from "./StatusCounts";
import "./queue.css";

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** Keyset pages both ways: the page's first cursor leads back, its last one on. */
function QueuePager({ state, pageInfo, onGo }: { state: QueueState; pageInfo: PageInfo; onGo(state: QueueState): void }) {
  const { t } = useTranslation("operator");
  const { hasPreviousPage: hasPrevious, hasNextPage: hasNext } = pageInfo;
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="pagination-wrapper" aria-label={t("queue.pager.label")}>
      <ul className="pagination">
        <li className="page-item">
          <button type="button" className="btn btn-link page-link" disabled={!hasPrevious || !pageInfo.startCursor}
            onClick={() => onGo({ ...firstPage(state), before: pageInfo.startCursor })}>
            <span aria-hidden="true">‹ </span>
            {t("queue.pager.previous")}
          </button>
        </li>
        <li className="page-item">
          <button type="button" className="btn btn-link page-link" disabled={!hasNext || !pageInfo.endCursor}
            onClick={() => onGo({ ...firstPage(state), after: pageInfo.endCursor })}>
            {t("queue.pager.next")}
            <span aria-hidden="true"> ›</span>
          </button>
        </li>
      </ul>
    </nav>
  );
}

/**
 * / — the work queue of the municipality's sent practices: counts, a compact filter bar and the
 * sortable table, which a 1366×800 screen shows from its first rows; the open work by default.
 */
export function QueuePage() {
  const { t } = useTranslation("operator");
  const tenant = useTenant();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const state = parseQueueState(params);
  const operators = useOperators();
  const [choices] = useQuery({ query: OperatorQueueChoicesDocument, requestPolicy: "cache-and-network", context: PRACTICES });
  const [{ data, fetching, error }] = useQuery({
    query: OperatorQueueDocument,
    variables: queueVariables(state, user?.id ?? null),
    requestPolicy: "cache-and-network",
    context: PRACTICES,
  });
  usePageTitle(t("queue.title"), tenant.name);

  const go = (next: QueueState) => setParams(queueSearch(next));
  const sortBy = (field: PracticeSortField) =>
    go(firstPage({ ...state, sort: field, descending: field === state.sort ? !state.descending : true }));
  const connection = data?.practices;
  const services = choices.data?.services.edges.map(({ node }) => node) ?? [];
  const offices = choices.data?.offices.edges.map(({ node }) => node) ?? [];
  const counts = choices.data?.practiceCounts ?? [];
  return (
    <>
      <h1>{t("queue.title")}</h1>
      <StatusCounts counts={counts} state={state} />
      {/* Not remounted on each change: a drop-down stays open while several choices apply. */}
      <QueueFilters state={state} services={services} offices={offices} operators={operators} counts={counts} onApply={go} />
      <h2 className="h5 mb-1">{t("queue.results")}</h2>
      {/* data-search says which address the results shown answer (the end-to-end tests wait on it). */}
      <div data-testid="queue-results" data-search={params.toString()} aria-busy={fetching}>
        <p role="status" data-testid="queue-status">
          {fetching ? t("queue.loading") : connection ? t("queue.total", { count: connection.totalCount ?? 0 }) : ""}
        </p>
        {error && (
          <div className="alert alert-danger" role="alert">
            {error.message}
          </div>
        )}
        {/* While the next answer comes, the last one's rows would be wrong: none are shown. */}
        {connection && !fetching && (
          <>
            {connection.edges.length > 0 ? (
              <QueueTable
                rows={connection.edges.map(({ node }) => node)}
                total={connection.totalCount}
                sort={state.sort}
                descending={state.descending}
                onSort={sortBy}
              />
            ) : (
              <p>{t("queue.empty")}</p>
            )}
            <QueuePager state={state} pageInfo={connection.pageInfo} onGo={go} />
          </>
        )}
      </div>
    </>
  );
}
