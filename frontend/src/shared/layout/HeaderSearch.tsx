import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";

import "./header.css";

/**
 * The search of the header's centre, as in the Designers Italia model: the words go to the
 * catalogue's search (`/?q=`). On a phone only the round button shows; it opens the catalogue
 * with the focus in its search field.
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const text = String(new FormData(form).get("q") ?? "").trim();
    form.reset();
    // Without words the person wants to type them: the catalogue puts the focus in its field.
    void navigate(text ? { pathname: "/", search: `?${new URLSearchParams({ q: text })}` } : "/", {
      state: text ? undefined : { focusSearch: true },
    });
  };
  return (
    <form role="search" aria-label={t("search.region")} className="it-search-wrapper header-search" onSubmit={submit}>
      <label htmlFor="header-search" className="visually-hidden">
        {t("search.label")}
      </label>
      <input id="header-search" name="q" type="search" className="form-control d-none d-md-block" placeholder={t("search.placeholder")} />
      <button type="submit" className="header-search-button">
        <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M21.7 20.3 16.5 15a7.5 7.5 0 1 0-1.4 1.4l5.2 5.3 1.4-1.4ZM4 9.5a5.5 5.5 0 1 1 11 0 5.5 5.5 0 0 1-11 0Z" />
        </svg>
        <span className="visually-hidden">{t("search.submit")}</span>
      </button>
    </form>
  );
}
