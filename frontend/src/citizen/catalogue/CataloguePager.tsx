import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { neighbours, refined, searchQueryString, type CatalogueSearch } from "./search";

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
}

/** Links to the previous and next page of results: real URLs, so the back button walks them. */
export function CataloguePager({ search, pageInfo }: { search: CatalogueSearch; pageInfo: PageInfo }) {
  const { t } = useTranslation("catalogue");
  const { previous, next } = neighbours(search, pageInfo);
  const to = (change: Partial<CatalogueSearch>) => ({ pathname: "/", search: searchQueryString(refined(search, change)) });
  if (!(previous && pageInfo.startCursor) && !(next && pageInfo.endCursor)) return null;
  return (
    <nav className="pagination-wrapper" aria-label={t("results.pages")}>
      <ul className="pagination">
        {previous && pageInfo.startCursor && (
          <li className="page-item">
            <Link className="page-link" to={to({ before: pageInfo.startCursor })} rel="prev">
              <span aria-hidden="true">‹ </span>
              {t("results.previous")}
            </Link>
          </li>
        )}
        {next && pageInfo.endCursor && (
          <li className="page-item">
            <Link className="page-link" to={to({ after: pageInfo.endCursor })} rel="next">
              {t("results.next")}
              <span aria-hidden="true"> ›</span>
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
