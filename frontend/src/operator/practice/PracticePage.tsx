import { Fragment, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useQuery } from "urql";

import { FileLink } from "../../shared/files/FileLink";
import { formatDateTime } from "../../shared/format";
import { PracticeStatusBadge } from "../../shared/PracticeStatusBadge";
import { FormView, withFileLinks } from "../../forms";
import { OperatorPracticeDocument, type OperatorPracticeDetailFragment } from "../../gql/graphql";
import { usePageTitle } from "../../shared/layout/Layout";
import { ProblemList } from "../../shared/ProblemList";
import type { Problem } from "../../shared/problems";
import { useTenant } from "../../shared/providers";
import { PRACTICES } from "../invalidation";
import { useOperators } from "../operators";
import { ActionPanel } from "./ActionPanel";
import { Conversation } from "./Conversation";
import { History } from "./History";
import { useRunAction } from "./runAction";
import { takenAtOnce, type OperatorAction } from "./transitions";
import { TransitionsBar } from "./TransitionsBar";

type Json = Record<string, unknown>;
type Detail = OperatorPracticeDetailFragment;

/** Status, applicant, assignee, office, dates, receipt and outcome. */
function Facts({ practice }: { practice: Detail }) {
  const { t, i18n } = useTranslation("operator");
  const { applicant } = practice;
  const dates: [string, string | null | undefined][] = [
    ["submitted", practice.submittedAt],
    ["changed", practice.statusChangedAt],
    ["updated", practice.updatedAt],
  ];
  const outcomeFiles = practice.files.filter((file) => file.purpose === "OUTCOME");
  return (
    <dl className="row mb-4" data-testid="practice-facts">
      <dt className="col-sm-4">{t("practice.status")}</dt>
      <dd className="col-sm-8">
        <PracticeStatusBadge status={practice.status} />
      </dd>
      <dt className="col-sm-4">{t("practice.applicant")}</dt>
      <dd className="col-sm-8" data-testid="practice-applicant">
        {applicant ? (
          <>
            {applicant.fullName}
            {applicant.fiscalCode && <span className="d-block">{applicant.fiscalCode}</span>}
            {applicant.email && <a className="d-block" href={`mailto:${applicant.email}`}>{applicant.email}</a>}
            {applicant.phone && <span className="d-block">{applicant.phone}</span>}
          </>
        ) : (
          "—"
        )}
      </dd>
      <dt className="col-sm-4">{t("practice.assignee")}</dt>
      <dd className="col-sm-8" data-testid="practice-assignee">
        {practice.assignee?.fullName ?? t("queue.table.nobody")}
      </dd>
      <dt className="col-sm-4">{t("practice.office")}</dt>
      <dd className="col-sm-8">{practice.office?.name ?? "—"}</dd>
      {dates.map(([key, instant]) =>
        instant ? (
          <Fragment key={key}>
            <dt className="col-sm-4">{t(`practice.${key}`)}</dt>
            <dd className="col-sm-8">
              <time dateTime={instant}>{formatDateTime(instant, i18n.language)}</time>
            </dd>
          </Fragment>
        ) : null,
      )}
      {practice.receipt && (
        <>
          <dt className="col-sm-4">{t("practice.receipt")}</dt>
          <dd className="col-sm-8">
            <FileLink file={practice.receipt} />
          </dd>
        </>
      )}
      {practice.outcome && (
        <>
          <dt className="col-sm-4">{t("practice.outcome")}</dt>
          <dd className="col-sm-8" data-testid="practice-outcome">
            <strong>{t(practice.outcome.accepted ? "practice.accepted" : "practice.rejected")}</strong>
            {practice.outcome.reason && ` — ${practice.outcome.reason}`}
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

/** The steps the viewer may take now, each with its form; the result announced. */
function Actions({ practice }: { practice: Detail }) {
  const { t } = useTranslation("operator");
  const operators = useOperators();
  const run = useRunAction();
  const [chosen, setChosen] = useState<OperatorAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const number = practice.number ?? "";
  const panelId = "practice-action-panel";

  function done(sentence: string) {
    setChosen(null);
    setProblems([]);
    setAnnouncement(sentence);
  }

  async function choose(action: OperatorAction) {
    setAnnouncement("");
    if (!takenAtOnce(action)) {
      setChosen(chosen === action ? null : action);
      return;
    }
    setBusy(true);
    const result = await run(action, practice.id, { text: "", operatorId: "", fileIds: [] });
    setBusy(false);
    setProblems(result.problems);
    if (!result.problems.length) done(t(`actions.${action}.done`, { number }));
  }

  return (
    <section aria-labelledby="actions-title" className="mb-5">
      <h2 id="actions-title" className="h4">
        {t("actions.title")}
      </h2>
      <ProblemList problems={problems} />
      <TransitionsBar available={practice.availableTransitions} chosen={chosen} busy={busy} onChoose={(action) => void choose(action)} />
      {chosen && (
        <ActionPanel
          key={chosen}
          id={panelId}
          action={chosen}
          practiceId={practice.id}
          number={number}
          operators={operators}
          onDone={done}
          onCancel={() => setChosen(null)}
        />
      )}
      <p role="status" className="mt-2 fw-semibold" data-testid="action-result">
        {announcement}
      </p>
    </section>
  );
}

/** /pratiche/:id — one practice for the office: facts, the steps allowed now, the data, history and messages. */
export function PracticePage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation("operator");
  const tenant = useTenant();
  const [{ data, fetching, error }] = useQuery({ query: OperatorPracticeDocument, variables: { id }, context: PRACTICES });
  const practice = data?.practice;
  // A form version never changes: keep one definition object, so refetches do not rebuild the form.
  const version = practice?.form?.version;
  const definition = useMemo(() => practice?.form?.definition as Json | undefined, [practice?.id, version]);
  const title = practice
    ? t("practice.title", { number: practice.number ?? "", service: practice.service?.name ?? "" })
    : t("practice.titleGeneric");
  usePageTitle(title, tenant.name);

  if (fetching && !data) return <p role="status">{t("loading")}</p>;
  if (error || !practice) {
    return (
      <>
        <h1>{t("practice.titleGeneric")}</h1>
        <div className="alert alert-danger" role="alert">
          {error ? error.message : t("practice.notFound")}
        </div>
        <Link to="/">{t("practice.back")}</Link>
      </>
    );
  }
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="breadcrumb-container">
        <ol className="breadcrumb">
          <li className="breadcrumb-item">
            <Link to="/">{t("queue.title")}</Link>
            <span className="separator">/</span>
          </li>
          <li className="breadcrumb-item active" aria-current="page">
            {practice.number}
          </li>
        </ol>
      </nav>
      <h1>{title}</h1>
      <Facts practice={practice} />
      <Actions practice={practice} />
      <section aria-labelledby="data-title" className="mb-5">
        <h2 id="data-title" className="h4">
          {t("practice.data")}
        </h2>
        {definition ? (
          <FormView
            definition={definition}
            data={withFileLinks(practice.data as Json, practice.files)}
            readOnly
            language={i18n.language}
          />
        ) : (
          <p>{t("practice.noForm")}</p>
        )}
      </section>
      <section aria-labelledby="history-title" className="mb-5">
        <h2 id="history-title" className="h4">
          {t("history.title")}
        </h2>
        <History history={practice.history} />
      </section>
      <Conversation practiceId={practice.id} />
    </>
  );
}
