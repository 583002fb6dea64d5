import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { Provider as UrqlProvider, useQuery } from "urql";

import { MeDocument, TenantDocument, type TenantQuery, type ViewerFragment } from "../gql/graphql";
import { createClient } from "./client";
import { FileDownloads } from "./files/FileDownloads";
import { createI18n } from "./i18n";
import { SessionStore } from "./session-store";
import { tenantFromPath } from "./tenant";

export type TenantInfo = TenantQuery["tenant"];

interface SessionValue {
  store: SessionStore;
  user: ViewerFragment | null;
  /** True until the first answer about the logged-in user has arrived. */
  loading: boolean;
}

const TenantContext = createContext<TenantInfo | null>(null);
const SessionContext = createContext<SessionValue | null>(null);

export function useTenant(): TenantInfo {
  const tenant = useContext(TenantContext);
  if (!tenant) throw new Error("useTenant outside <AppProviders>");
  return tenant;
}

export function useSession(): SessionValue {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside <AppProviders>");
  return session;
}

/** Loads the municipality and the logged-in user; renders nothing until the municipality is known. */
function TenantAndSession({ store, children }: { store: SessionStore; children: ReactNode }) {
  const loggedIn = useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => store.loggedIn,
  );
  const [tenant] = useQuery({ query: TenantDocument });
  const [me] = useQuery({ query: MeDocument, pause: !loggedIn, requestPolicy: "network-only" });
  if (tenant.error) {
    return (
      <main className="container my-5" role="alert">
        <h1>Sportello</h1>
        <p>{tenant.error.message}</p>
      </main>
    );
  }
  if (!tenant.data) return <div className="container my-5" aria-busy="true" />;
  const session: SessionValue = {
    store,
    user: loggedIn ? (me.data?.me ?? null) : null,
    loading: loggedIn && me.fetching,
  };
  return (
    <TenantContext.Provider value={tenant.data.tenant}>
      <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
    </TenantContext.Provider>
  );
}

/** Everything a page of the citizen area or of the operators' app needs: language, client, tenant, user. */
export function AppProviders({ children, tenant = tenantFromPath() }: { children: ReactNode; tenant?: string }) {
  const { i18n, store } = useMemo(() => {
    const i18n = createI18n();
    const anonymous = createClient({ tenant, language: () => i18n.language });
    return { i18n, store: new SessionStore(tenant, () => anonymous) };
  }, [tenant]);
  const generation = useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => store.generation,
  );
  const [language, setLanguage] = useState(i18n.language);
  useEffect(() => {
    i18n.on("languageChanged", setLanguage);
    return () => i18n.off("languageChanged", setLanguage);
  }, [i18n]);
  // A new client (and cache) per user and language: nothing cached for one is shown to another.
  const client = useMemo(
    () =>
      createClient({ tenant, accessToken: () => store.accessToken(), language: () => language }),
    [tenant, store, generation, language],
  );
  return (
    <I18nextProvider i18n={i18n}>
      <UrqlProvider value={client}>
        <TenantAndSession store={store}>
          <FileDownloads>{children}</FileDownloads>
        </TenantAndSession>
      </UrqlProvider>
    </I18nextProvider>
  );
}
