import { useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation } from "react-router";

import { useTenant } from "../providers";
import { Breadcrumbs } from "./Breadcrumbs";
import { CurrentPageContext, type CurrentPage } from "./currentPage";
import { Footer } from "./Footer";
import { Header, type NavItem } from "./Header";
import { breadcrumbTrail, type Crumb } from "./trail";

/**
 * The page frame: skip link, header, the routed page in <main>, footer. Focus moves to <main> on
 * navigation. With `sections` (the app's sections a path belongs to) every page starts with its
 * breadcrumb from "Home"; `afterMain` goes between the page and the footer.
 */
export function Layout({ title, nav, children, sections, afterMain, search }: {
  title?: string;
  nav: NavItem[];
  children?: ReactNode;
  sections?: (pathname: string) => Crumb[];
  afterMain?: ReactNode;
  /** The catalogue's search in the header. */
  search?: boolean;
}) {
  const { t } = useTranslation();
  const tenant = useTenant();
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const [page, setPage] = useState<CurrentPage | null>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);
  // Drawn once the page has said its title: never the previous page's title on a new address.
  const trail =
    sections && page?.pathname === pathname
      ? breadcrumbTrail({
          home: t("breadcrumb.home"),
          siteUrl: tenant.siteUrl,
          parents: page.parents ?? sections(pathname),
          title: page.title,
          pathname,
        })
      : null;
  return (
    <CurrentPageContext.Provider value={setPage}>
      <div className="skiplinks">
        <a className="visually-hidden-focusable" href="#main-content">
          {t("nav.skipToContent")}
        </a>
      </div>
      <Header title={title} nav={nav} search={search} />
      <main id="main-content" ref={main} tabIndex={-1} className="container my-4 outline-0">
        {trail && <Breadcrumbs {...trail} />}
        {children ?? <Outlet />}
      </main>
      {afterMain}
      <Footer />
    </CurrentPageContext.Provider>
  );
}

/**
 * Sets the document title of a page ("<page> · <municipality>") and tells the layout the page's
 * title for its breadcrumb, with the steps before it when the page's address does not say them
 * (a service's category).
 */
export function usePageTitle(title: string, tenantName?: string, parents?: Crumb[]): void {
  const setPage = useContext(CurrentPageContext);
  const { pathname } = useLocation();
  const parentsKey = parents ? JSON.stringify(parents) : "";
  useEffect(() => {
    document.title = tenantName ? `${title} · ${tenantName}` : title;
    setPage({ pathname, title, parents: parentsKey ? (JSON.parse(parentsKey) as Crumb[]) : undefined });
  }, [title, tenantName, pathname, parentsKey, setPage]);
}
