import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import type { Crumb } from "./trail";

/** Bootstrap Italia's breadcrumb: the way from "Home" to the page, which is named last and not linked. */
export function Breadcrumbs({ links, current }: { links: Crumb[]; current: string }) {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumb-container mb-3" aria-label={t("breadcrumb.label")} data-testid="breadcrumb">
      <ol className="breadcrumb p-0">
        {links.map((crumb) => (
          <li key={`${crumb.label}|${crumb.to ?? crumb.href}`} className="breadcrumb-item">
            {crumb.href ? <a href={crumb.href}>{crumb.label}</a> : <Link to={crumb.to ?? "/"}>{crumb.label}</Link>}
            <span className="separator" aria-hidden="true">/</span>
          </li>
        ))}
        <li className="breadcrumb-item active" aria-current="page">
          {current}
        </li>
      </ol>
    </nav>
  );
}
