import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useQuery } from "urql";

import { FormView, withFileLinks } from "../../forms";
import { PracticesPracticeDocument, type PracticesDetailFragment } from "../../gql/graphql";
import { usePageTitle } from "../../shared/layout/Layout";
import { useTenant } from "../../shared/providers";
import { Confirmation } from "./Confirmation";
import { DraftEditor } from "./DraftEditor";
import { FileLink } from "../../shared/files/FileLink";
import { formatDateTime } from "../../shared/format";
import { IntegrationAnswer } from "./IntegrationAnswer";
import { MessagesSection } from "./MessagesSection";
import { PracticeStatusBadge } from "../../shared/PracticeStatusBadge";
import { Timeline } from "./Timeline";
import { WithdrawButton } from "./WithdrawButton";

type Json = Record<string, unknown>;

/** Number, status, dates, office and the documents of a sent practice. */
function Facts({ practice }: { practice: PracticesDetailFragment }) {
  const { t, i18n } = useTranslation("practices");
  const outcomeFiles = practice.files.filter((file) => file.purpose === "OUTCOME");
  const dates: [string, string | null | undefined][] = [
    ["created", practice.createdAt],
    ["submitted", practice.submittedAt],
    ["changed", practice.statusChangedAt],
  ];
  return (
    <dl className="row mb-4" data-testid="practice-facts">
      <dt className="col-sm-4">{t("detail.status")}</dt>
      <dd className="col-sm-8">
        <PracticeStatusBadge status={practice.status} />
      </dd>
      {practice.number && (
        <>
          <dt className="col-sm-4">{t("detail.number")}</dt>
          <dd className="col-sm-8" data-testid="practice-number">
            {practice.number}
          </dd>
        </>
      )}
      {dates.map(([key, instant]) =>
        instant ? (
          <Fragment key={key}>
            <dt className="col-sm-4">{t(`detail.${key}`)}</dt>
            <dd className="col-sm-8">
              <time dateTime={instant}>{formatDateTime(instant, i18n.language)}</time>
            </dd>
          </Fragment>
        ) : null,
      )}
      {practice.office && (
        <>
          <dt className="col-sm-4">{t("detail.office")}</dt>
          <dd className="col-sm-8">{practice.office.name}</dd>
        </>
      )}
      {practice.receipt && (
        <>
          <dt className="col-sm-4">{t("detail.receipt")}</dt>
          <dd className="col-sm-8" data-testid="practice-receipt">
            <FileLink file={practice.receipt} />
          </dd>
        </>
      )}
      {practice.outcome && (
        <>
          <dt className="col-sm-4">{t("detail.outcome")}</dt>
          <dd className="col-sm-8" data-testid="practice-outcome">
            <strong>{t(practice.outcome.accepted ? "detail.accepted" : "detail.rejected")}</strong>
            {practice.outcome.reason && <span>{` — ${practice.outcome.reason}`}</span>}
            {outcomeFiles.length > 0 && (
              <ul className="mb-0">
                {outcomeFiles.map((file) => (
                  <li key={file.id}>
                    <FileLink file={file} />
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </>
      )}
    </dl>
  );
}

/** /pratiche/:id — one practice of the citizen: a draft to resume, or a sent practice to follow. */
export function PracticePage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation("practices");
  const tenant = useTenant();
  const navigate = useNavigate();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PracticesPracticeDocument, variables: { id } });
  const [submitted, setSubmitted] = useState<PracticesDetailFragment | null>(null);
  const [notice, setNotice] = useState("");
  /** After a step of the citizen: says it happened and shows the practice as it is now. */
  const stepTaken = (message: string) => {
    setNotice(message);
    refetch({ requestPolicy: "network-only" });
  };
  // Right after "Invia" the submitted practice is shown until the page's own query has it too.
  const practice = submitted && data?.practice?.status === "DRAFT" ? submitted : data?.practice;
  const serviceName = practice?.service?.name ?? t("list.unknownService");
  usePageTitle(practice ? t("detail.title", { service: serviceName }) : t("detail.titleGeneric"), tenant.name);

  if (fetching && !data) return <p role="status">{t("loading")}</p>;
  if (error || !practice) {
    return (
      <>
        <h1>{t("detail.titleGeneric")}</h1>
        <div className="alert alert-danger" role="alert">
          {error ? error.message : t("detail.notFound")}
        </div>
        <Link to="/pratiche">{t("detail.back")}</Link>
      </>
    );
  }
  const definition = practice.form?.definition as Json | undefined;
  const actions = practice.availableTransitions;
  const answering = actions.includes("START_INTEGRATION_ANSWER") || actions.includes("ANSWER_INTEGRATION");
  const draft = practice.status === "DRAFT";
  return (
    <>
      <h1>{t("detail.title", { service: serviceName })}</h1>
      {submitted && <Confirmation practice={submitted} showLink={false} />}
      <Facts practice={practice} />
      {draft && definition && practice.service && (
        <DraftEditor
          serviceId={practice.service.id}
          serviceName={serviceName}
          definition={definition}
          draft={practice}
          onDeleted={() => navigate("/pratiche", { state: { notice: t("drafts.deleted") } })}
          onSubmitted={(sent) => {
            setSubmitted(sent);
            refetch({ requestPolicy: "network-only" });
          }}
        />
      )}
      <p role="status" className={notice ? "alert alert-success" : "visually-hidden"}>
        {notice}
      </p>
      {!draft && answering && definition && (
        <IntegrationAnswer practice={practice} definition={definition} onAnswered={() => stepTaken(t("integration.sent"))} />
      )}
      {!draft && !answering && definition && (
        <section aria-labelledby="data-title" className="mb-5">
          <h2 id="data-title" className="h4">
            {t("detail.data")}
          </h2>
          <FormView
            definition={definition}
            data={withFileLinks(practice.data as Json, practice.files)}
            readOnly
            language={i18n.language}
          />
        </section>
      )}
      {actions.includes("WITHDRAW") && (
        <section aria-labelledby="withdraw-title" className="mb-5">
          <h2 id="withdraw-title" className="h4">
            {t("withdraw.title")}
          </h2>
          <p>{t("withdraw.intro")}</p>
          <WithdrawButton
            practiceId={practice.id}
            number={practice.number}
            onWithdrawn={() => stepTaken(t("withdraw.done"))}
          />
        </section>
      )}
      {!draft && (
        <>
          <section aria-labelledby="history-title" className="mb-5">
            <h2 id="history-title" className="h4">
              {t("history.title")}
            </h2>
            <Timeline history={practice.history} />
          </section>
          <MessagesSection practiceId={practice.id} canWrite />
        </>
      )}
    </>
  );
}
