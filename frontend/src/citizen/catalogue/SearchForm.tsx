import { useEffect, useRef, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";

import { refined, searchQueryString, type CatalogueSearch } from "./search";

/**
 * The words to search; submitting puts them in the URL (keeping the chosen category) and
 * starts from the first page. Uncontrolled: the page remounts it when the URL's words change.
 */
export function SearchForm({ search }: { search: CatalogueSearch }) {
  const { t } = useTranslation("catalogue");
  const navigate = useNavigate();
  const field = useRef<HTMLInputElement>(null);
  const { state } = useLocation();
  // Sent here by the header's search button without words: the person is about to type them.
  // After the layout has moved the focus to the page's <main>, as it does on every navigation.
  const focusSearch = (state as { focusSearch?: boolean } | null)?.focusSearch ?? false;
  useEffect(() => {
    if (!focusSearch) return;
    const frame = requestAnimationFrame(() => field.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [focusSearch]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get("q") ?? "");
    void navigate({ pathname: "/", search: searchQueryString(refined(search, { text })) });
  };
  return (
    <form role="search" onSubmit={submit} className="mt-5 mb-4" aria-label={t("search.region")}>
      <div className="d-flex flex-wrap align-items-end gap-3">
        <div className="form-group flex-grow-1 mb-0">
          <label htmlFor="catalogue-q" className="active">
            {t("search.label")}
          </label>
          <input
            ref={field}
            id="catalogue-q"
            name="q"
            type="search"
            className="form-control"
            defaultValue={search.text}
            aria-describedby="catalogue-q-hint"
          />
        </div>
        <button type="submit" className="btn btn-primary">
          {t("search.submit")}
        </button>
      </div>
      <p id="catalogue-q-hint" className="form-text mt-2 mb-0">
        {t("search.hint")}
      </p>
    </form>
  );
}
