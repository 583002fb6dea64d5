import { Collapse } from "design-react-kit";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, useLocation } from "react-router";

import { useSession, useTenant } from "../providers";
import { useFocusTrap } from "./focusTrap";
import { HeaderSearch } from "./HeaderSearch";
import { LanguageSwitcher } from "./LanguageSwitcher";

const MENU_ID = "main-menu";

export interface NavItem {
  to: string;
  label: string;
  /** Shown only to a logged-in user. */
  private?: boolean;
}

/**
 * Bootstrap Italia's header: slim bar (the parent institution or the municipality's site,
 * language, login), centre (logo, name, and with `search` the catalogue's search), navigation.
 */
export function Header({ title, nav, loginPath = "/login", search = false }: {
  title?: string;
  nav: NavItem[];
  loginPath?: string;
  search?: boolean;
}) {
  const { t } = useTranslation();
  const tenant = useTenant();
  const { user, store } = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  // A link followed from the phone menu closes it.
  useEffect(() => setMenuOpen(false), [pathname]);
  useFocusTrap(MENU_ID, menuOpen);
  return (
    <header className="it-header-wrapper">
      <div className="it-header-slim-wrapper">
        <div className="container">
          <div className="row">
            <div className="col-12">
              <div className="it-header-slim-wrapper-content">
                <SlimBrand />
                <div className="it-header-slim-right-zone gap-3">
                  <LanguageSwitcher />
                  {user ? (
                    <div className="d-flex align-items-center gap-2">
                      <span className="text-white text-truncate user-name" data-testid="user-name">{user.fullName}</span>
                      <button type="button" className="btn btn-sm btn-outline-light" onClick={() => store.logout()}>
                        {t("session.logout")}
                      </button>
                    </div>
                  ) : (
                    <Link className="btn btn-primary btn-sm btn-full" to={loginPath}>
                      {t("session.login")}
                    </Link>
                  )}
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div className="it-nav-wrapper">
        <div className="it-header-center-wrapper">
          <div className="container">
            <div className="row">
              <div className="col-12">
                <div className="it-header-center-content-wrapper">
                  <div className="it-brand-wrapper">
                    <Link to="/">
                      {tenant.theme.logoUrl && (
                        <img className="icon" src={tenant.theme.logoUrl} alt="" width={82} height={82} />
                      )}
                      <div className="it-brand-text">
                        <div className="it-brand-title">{tenant.name}</div>
                        {title && <div className="it-brand-tagline d-none d-md-block">{title}</div>}
                      </div>
                    </Link>
                  </div>
                  {search && (
                    <div className="it-right-zone">
                      <HeaderSearch />
                    </div>
                  )}
                </div>
              </div>
            </div>
          </div>
        </div>
        <div className="it-header-navbar-wrapper">
          <div className="container">
            <div className="row">
              <div className="col-12">
                <nav className="navbar navbar-expand-lg has-megamenu" aria-label={t("nav.main")}>
                  {/* On phones and tablets the menu is a drawer opened by this button (Bootstrap
                      Italia's collapsible header); from lg up it is always shown. */}
                  <button
                    type="button"
                    className="custom-navbar-toggler"
                    aria-controls={MENU_ID}
                    aria-expanded={menuOpen}
                    onClick={() => setMenuOpen(true)}
                  >
                    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                      <path d="M3 5h18v2H3zm0 6h18v2H3zm0 6h18v2H3z" />
                    </svg>
                    <span className="visually-hidden">{t("nav.open")}</span>
                  </button>
                  <Collapse
                    navbar
                    header
                    id={MENU_ID}
                    isOpen={menuOpen}
                    onOverlayClick={() => setMenuOpen(false)}
                    closeSrText={t("nav.close")}
                    aria-label={t("nav.main")}
                  >
                    <div className="menu-wrapper">
                      <ul className="navbar-nav">
                        {nav
                          .filter((item) => !item.private || user)
                          .map((item) => (
                            <li className="nav-item" key={item.to}>
                              <NavLink className="nav-link" to={item.to} end={item.to === "/"} onClick={() => setMenuOpen(false)}>
                                <span>{item.label}</span>
                              </NavLink>
                            </li>
                          ))}
                      </ul>
                    </div>
                  </Collapse>
                </nav>
              </div>
            </div>
          </div>
        </div>
      </div>
    </header>
  );
}

/**
 * The slim bar's name, as in the Designers Italia model: the body the municipality belongs to
 * (a region) linking to its site; without one, the municipality linking to its own site.
 */
function SlimBrand() {
  const tenant = useTenant();
  const parent = tenant.parentInstitution;
  const [name, url] = parent ? [parent.name, parent.url] : [tenant.name, tenant.siteUrl];
  return url ? (
    <a className="d-none d-lg-block navbar-brand" href={url} data-testid="parent-institution">
      {name}
    </a>
  ) : (
    <span className="d-none d-lg-block navbar-brand" data-testid="parent-institution">{name}</span>
  );
}
