import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery, type CombinedError } from "urql";

import { CatalogueCategoriesDocument, type CatalogueCategoryFragment } from "../../gql/graphql";

export type Category = CatalogueCategoryFragment;

export interface CategoryBranch {
  category: Category;
  children: Category[];
}

/** The catalogue's topics as the municipality ordered them: top-level ones with their subtopics. */
export function categoryTree(categories: readonly Category[]): CategoryBranch[] {
  const roots = categories.filter((category) => !category.parent);
  return roots.map((category) => ({
    category,
    children: categories.filter((child) => child.parent?.id === category.id),
  }));
}

const FIRST_PAGE: { after: string | null; seen: Category[] } = { after: null, seen: [] };

/**
 * Every category of the municipality, page after page (at most 100 a page), so that a slug in
 * the URL can be turned into the id the services filter needs. `loading` until the last page.
 */
export function useCategories(): { categories: Category[]; loading: boolean; error?: CombinedError } {
  const { i18n } = useTranslation();
  const [pages, setPages] = useState(FIRST_PAGE);
  // names are translated: pages read in another language start over
  useEffect(() => setPages(FIRST_PAGE), [i18n.language]);
  const [result] = useQuery({ query: CatalogueCategoriesDocument, variables: { first: 100, after: pages.after } });
  const connection = result.data?.categories;
  useEffect(() => {
    if (connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor) {
      const { endCursor } = connection.pageInfo;
      const page = connection.edges.map((edge) => edge.node);
      setPages((current) =>
        current.after === endCursor ? current : { after: endCursor, seen: [...current.seen, ...page] },
      );
    }
  }, [connection]);
  const last = connection && !connection.pageInfo.hasNextPage ? connection.edges.map((edge) => edge.node) : [];
  return {
    categories: [...pages.seen, ...last],
    loading: !connection || connection.pageInfo.hasNextPage,
    error: result.error,
  };
}
