import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";

import { CatalogueServicesDocument } from "../../gql/graphql";
import { usePageTitle } from "../../shared/layout/Layout";
import { ProblemList } from "../../shared/ProblemList";
import { problemsOf } from "../../shared/problems";
import { useTenant } from "../../shared/providers";
import { categoryTree, useCategories } from "./categories";
import { CataloguePager } from "./CataloguePager";
import { CategoryNav } from "./CategoryNav";
import { ResultCount } from "./ResultCount";
import { refined, searchFromParams, searchQueryString, servicesVariables } from "./search";
import { SearchForm } from "./SearchForm";
import { ServiceCard } from "./ServiceCard";

/** Moves focus to an element when `key` changes after the first render (a new page of results). */
function useFocusOnChange(key: string) {
  const target = useRef<HTMLHeadingElement>(null);
  const previous = useRef(key);
  useEffect(() => {
    if (previous.current !== key) target.current?.focus();
    previous.current = key;
  }, [key]);
  return target;
}

/**
 * The home of the citizen area: the service catalogue, searched by words and browsed by
 * category. The search lives in the URL query (see search.ts).
 */
export function CataloguePage() {
  const { t } = useTranslation("catalogue");
  const tenant = useTenant();
  usePageTitle(t("title"), tenant.name);
  const [params] = useSearchParams();
  const search = searchFromParams(params);
  const categories = useCategories();
  const category = categories.categories.find((candidate) => candidate.slug === search.category) ?? null;
  const unknownCategory = Boolean(search.category) && !categories.loading && !category;
  const [result] = useQuery({
    query: CatalogueServicesDocument,
    variables: servicesVariables(search, category?.id ?? null),
    // a category named in the URL filters only once its id is known
    pause: Boolean(search.category) && !category && !unknownCategory,
  });
  const connection = result.data?.services;
  const resultsHeading = useFocusOnChange(`${search.after}|${search.before}`);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <SearchForm key={search.text} search={search} />
      <div className="row">
        <div className="col-12 col-lg-3">
          <CategoryNav tree={categoryTree(categories.categories)} search={search} />
        </div>
        <section className="col-12 col-lg-9" aria-labelledby="catalogue-results">
          <h2 id="catalogue-results" ref={resultsHeading} tabIndex={-1} className="h3 outline-0">
            {category?.name ?? t("results.all")}
          </h2>
          {category?.description && <p>{category.description}</p>}
          {unknownCategory && (
            <div className="alert alert-warning" role="alert">
              {t("results.unknownCategory")}
            </div>
          )}
          {search.text && (
            <p>
              {t("results.searchedFor", { text: search.text })}{" "}
              <Link to={{ pathname: "/", search: searchQueryString(refined(search, { text: "" })) }}>
                {t("results.clearSearch")}
              </Link>
            </p>
          )}
          <ProblemList problems={problemsOf(undefined, result.error ?? categories.error)} />
          <ResultCount fetching={result.fetching || !connection} count={connection?.totalCount ?? 0} />
          {/* the previous search's cards are not shown under the new one's heading */}
          {connection && !result.fetching && (
            <>
              <ul className="list-unstyled row g-4 mb-4" data-testid="service-list">
                {connection.edges.map(({ node }) => (
                  <li key={node.id} className="col-12 col-md-6">
                    <ServiceCard service={node} />
                  </li>
                ))}
              </ul>
              <CataloguePager search={search} pageInfo={connection.pageInfo} />
            </>
          )}
        </section>
      </div>
    </>
  );
}
