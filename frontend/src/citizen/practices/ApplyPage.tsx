import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { useQuery } from "urql";

import {
  PracticesOpenDraftDocument,
  PracticesServiceDocument,
  type PracticesDetailFragment,
} from "../../gql/graphql";
import { formatDateTime } from "../../shared/format";
import { usePageTitle } from "../../shared/layout/Layout";
import { useTenant } from "../../shared/providers";
import { BlockedNotice } from "./BlockedNotice";
import { Confirmation } from "./Confirmation";
import { DraftEditor } from "./DraftEditor";

/** Service states that take new applications (the server has the last word: SERVICE_NOT_OPEN). */
const OPEN = ["AVAILABLE", "SCHEDULED", "PRIVATE"];

/**
 * The citizen's open draft of the service, read once when the page opens (a citizen has at most
 * one): undefined while unknown, null when there is none. Later answers (after "Salva bozza"
 * made one) do not replace the form being filled.
 */
function useOpenDraft(serviceId: string | undefined): PracticesDetailFragment | null | undefined {
  const [{ data, fetching, error }] = useQuery({
    query: PracticesOpenDraftDocument,
    variables: { service: serviceId ?? "" },
    pause: !serviceId,
    requestPolicy: "network-only",
  });
  const [opened, setOpened] = useState<PracticesDetailFragment | null | undefined>(undefined);
  useEffect(() => {
    if (opened !== undefined || fetching) return;
    if (data) setOpened(data.practices.edges[0]?.node ?? null);
    else if (error) setOpened(null); // a new application then; saving says what is wrong
  }, [data, fetching, error, opened]);
  return opened;
}

/**
 * /servizi/:slug/domanda — an application to a service through its form: the citizen's open
 * draft of it when there is one ("Presenta la domanda online" twice leads to the same draft),
 * else a new one.
 */
export function ApplyPage() {
  const { slug = "" } = useParams();
  const { t, i18n } = useTranslation("practices");
  const tenant = useTenant();
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: PracticesServiceDocument, variables: { slug } });
  const [submitted, setSubmitted] = useState<PracticesDetailFragment | null>(null);
  const service = data?.service;
  const draft = useOpenDraft(service?.id);
  usePageTitle(
    service ? t("apply.title", { service: service.name }) : t("apply.titleGeneric"),
    tenant.name,
    service
      ? [
          { label: t("crumbs.services"), to: "/" },
          { label: service.name, to: `/servizi/${encodeURIComponent(service.slug)}` },
        ]
      : undefined,
  );

  if ((fetching && !data) || (service && draft === undefined)) {
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
      <h1>{t("apply.title", { service: service.name })}</h1>
      {submitted ? (
        <Confirmation practice={submitted} />
      ) : definition && !notice ? (
        <>
          {draft && (
            <p className="alert alert-info" data-testid="draft-resumed">
              {t("drafts.resumed", { when: formatDateTime(draft.updatedAt, i18n.language) })}
            </p>
          )}
          <DraftEditor
            serviceId={service.id}
            serviceName={service.name}
            definition={draft ? ((draft.form?.definition as Record<string, unknown> | undefined) ?? definition) : definition}
            draft={draft ?? undefined}
            start={service.applicationStart ?? undefined}
            onSubmitted={setSubmitted}
            onDeleted={() => navigate("/pratiche", { state: { notice: t("drafts.deleted") } })}
          />
        </>
      ) : (
        <BlockedNotice code={notice ?? "NO_FORM"} />
      )}
    </>
  );
}
