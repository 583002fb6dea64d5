import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation } from "react-router";

import { Footer } from "./Footer";
import { Header, type NavItem } from "./Header";

/** The page frame: skip link, header, the routed page in <main>, footer. Focus moves to <main> on navigation. */
export function Layout({ title, nav, children }: { title?: string; nav: NavItem[]; children?: ReactNode }) {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);
  return (
    <>
      <div className="skiplinks">
        <a className="visually-hidden-focusable" href="#main-content">
          {t("nav.skipToContent")}
        </a>
      </div>
      <Header title={title} nav={nav} />
      <main id="main-content" ref={main} tabIndex={-1} className="container my-4 outline-0">
        {children ?? <Outlet />}
      </main>
      <Footer />
    </>
  );
}

/** Sets the document title of a page: "<page> · <municipality>". */
export function usePageTitle(title: string, tenantName?: string): void {
  useEffect(() => {
    document.title = tenantName ? `${title} · ${tenantName}` : title;
  }, [title, tenantName]);
}
