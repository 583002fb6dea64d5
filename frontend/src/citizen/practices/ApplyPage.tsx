import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useQuery } from "urql";

import { PracticesServiceDocument, type PracticesDetailFragment } from "../../gql/graphql";
import { usePageTitle } from "../../shared/layout/Layout";
import { useTenant } from "../../shared/providers";
import { BlockedNotice } from "./BlockedNotice";
import { Confirmation } from "./Confirmation";
import { DraftEditor } from "./DraftEditor";

/** Service states that take new applications (the server has the last word: SERVICE_NOT_OPEN). */
const OPEN = ["AVAILABLE", "SCHEDULED", "PRIVATE"];

/** /servizi/:slug/domanda — a new application to a service, through its form. */
export function ApplyPage() {
  const { slug = "" } = useParams();
  const { t } = useTranslation("practices");
  const tenant = useTenant();
  const [{ data, fetching, error }] = useQuery({ query: PracticesServiceDocument, variables: { slug } });
  const [submitted, setSubmitted] = useState<PracticesDetailFragment | null>(null);
  const service = data?.service;
  usePageTitle(service ? t("apply.title", { service: service.name }) : t("apply.titleGeneric"), tenant.name);

  if (fetching && !data) {
    return <p role="status">{t("loading")}</p>;
  }
  if (error || !service) {
    return (
      <>
        <h1>{t("apply.titleGeneric")}</h1>
        <div className="alert alert-danger" role="alert">
          {error ? error.message : t("apply.notFound")}
        </div>
      </>
    );
  }
  const definition = service.form?.definition as Record<string, unknown> | null | undefined;
  const notice = !definition ? "NO_FORM" : OPEN.includes(service.status) ? null : "SERVICE_NOT_OPEN";
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="breadcrumb-container">
        <ol className="breadcrumb">
          <li className="breadcrumb-item">
            <Link to="/">{t("crumbs.services")}</Link>
            <span className="separator">/</span>
          </li>
          <li className="breadcrumb-item">
            <Link to={`/servizi/${encodeURIComponent(service.slug)}`}>{service.name}</Link>
            <span className="separator">/</span>
          </li>
          <li className="breadcrumb-item active" aria-current="page">
            {t("crumbs.apply")}
          </li>
        </ol>
      </nav>
      <h1>{t("apply.title", { service: service.name })}</h1>
      {submitted ? (
        <Confirmation practice={submitted} />
      ) : definition && !notice ? (
        <DraftEditor serviceId={service.id} definition={definition} onSubmitted={setSubmitted} />
      ) : (
        <BlockedNotice code={notice ?? "NO_FORM"} />
      )}
    </>
  );
}
