import { useTranslation } from "react-i18next";

/**
 * How many services the search found, in a status region that is always on the page so that
 * screen readers announce each new count.
 */
export function ResultCount({ fetching, count }: { fetching: boolean; count: number }) {
  const { t } = useTranslation("catalogue");
  return (
    <p role="status" className="fw-semibold" data-testid="result-count">
      {fetching ? t("results.searching") : t("results.found", { count })}
    </p>
  );
}
