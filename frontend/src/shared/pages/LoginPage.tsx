import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";

import { usePageTitle } from "../layout/Layout";
import { ProblemList } from "../ProblemList";
import type { Problem } from "../problems";
import { useSession, useTenant } from "../providers";

/**
 * The demo login (username or fiscal code and password) until SPID/CIE arrive with the
 * identity issue. After login the user returns to the page that sent them here, or goes to the
 * app's `home` (the citizen's desk).
 */
export function LoginPage({ home = "/" }: { home?: string }) {
  const { t } = useTranslation();
  const tenant = useTenant();
  const { user, store } = useSession();
  const location = useLocation();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  usePageTitle(t("login.title"), tenant.name);
  const back = (location.state as { from?: string } | null)?.from ?? home;
  if (user) return <Navigate to={back} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblems(await store.login(username.trim(), password));
    setBusy(false);
  }

  return (
    <div className="row justify-content-center">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("login.title")}</h1>
        <p className="mb-5">{t("login.intro")}</p>
        {/* room above the first field: its label sits over the input, as the intro's margin leaves */}
        <div className={problems.length ? "mb-5" : undefined}>
          <ProblemList problems={problems} labels={{ username: t("login.username"), password: t("login.password") }} />
        </div>
        <form onSubmit={submit} noValidate>
          <div className="form-group">
            <label htmlFor="login-username" className="active">{t("login.username")}</label>
            <input id="login-username" type="text" className="form-control" autoComplete="username" required
              value={username} onChange={(event) => setUsername(event.target.value)} />
          </div>
          <div className="form-group">
            <label htmlFor="login-password" className="active">{t("login.password")}</label>
            <input id="login-password" type="password" className="form-control" autoComplete="current-password" required
              value={password} onChange={(event) => setPassword(event.target.value)} />
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t("login.submit")}
          </button>
        </form>
      </div>
    </div>
  );
}

/** Renders its children for a logged-in user, else sends them to the login page and back. */
export function RequireLogin({ children }: { children: JSX.Element }) {
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading) return <div aria-busy="true" />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return children;
}
