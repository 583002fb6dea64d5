import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import type { CategoryBranch } from "./categories";
import { refined, searchQueryString, type CatalogueSearch } from "./search";

function CategoryLink({ search, slug, children }: { search: CatalogueSearch; slug: string | null; children: string }) {
  const current = search.category === slug;
  return (
    <Link
      className={`list-item${current ? " active fw-bold" : ""}`}
      to={{ pathname: "/", search: searchQueryString(refined(search, { category: slug })) }}
      aria-current={current ? "true" : undefined}
    >
      <span>{children}</span>
    </Link>
  );
}

/** Browse by category: the topics and their subtopics, each narrowing the current search. */
export function CategoryNav({ tree, search }: { tree: CategoryBranch[]; search: CatalogueSearch }) {
  const { t } = useTranslation("catalogue");
  return (
    <nav aria-labelledby="catalogue-categories" className="link-list-wrapper mb-4">
      <h2 id="catalogue-categories" className="h5">
        {t("categories.title")}
      </h2>
      <ul className="link-list" data-testid="category-nav">
        <li>
          <CategoryLink search={search} slug={null}>
            {t("categories.all")}
          </CategoryLink>
        </li>
        {tree.map(({ category, children }) => (
          <li key={category.id}>
            <CategoryLink search={search} slug={category.slug}>
              {category.name}
            </CategoryLink>
            {children.length > 0 && (
              <ul className="link-sublist">
                {children.map((child) => (
                  <li key={child.id}>
                    <CategoryLink search={search} slug={child.slug}>
                      {child.name}
                    </CategoryLink>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
