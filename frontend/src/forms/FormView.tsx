import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { useFileDownload } from "../shared/files/FileDownloads";
import type { Problem } from "../shared/problems";
import type { UploadedFile } from "./files";
import { groupProblems, type FieldProblem } from "./problems";
import type { RenderedForm } from "./renderer";

export interface FormViewProps {
  /** A Form.io form JSON (components, display...). */
  definition: Record<string, unknown>;
  /** Initial submission data; later changes of this prop are not pushed into the form. */
  data?: Record<string, unknown>;
  /** Render the submitted data read-only (as text). */
  readOnly?: boolean;
  /** Data paths the applicant cannot change (the practice's lockedFields). */
  locked?: readonly string[];
  /** "it" | "en" | "de": the renderer's messages. */
  language: string;
  /** Server FieldErrors; a field "data.<path>" is shown on that component. */
  problems?: Problem[];
  onChange?(data: Record<string, unknown>): void;
  /** Uploads a file of a file component (the key is the component's). */
  upload?(file: File, componentKey: string): Promise<UploadedFile>;
}

/** Focuses the first control inside a component, for the summary's links. */
function focusField(elementId: string) {
  const element = document.getElementById(elementId);
  const control = element?.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea, button, a[href]");
  (control ?? element)?.focus();
}

/**
 * The problems at the top of the form, each field problem a link to its field (the server's
 * messages name the field, so they are the link's text).
 */
function ProblemSummary({ fields, general }: { fields: FieldProblem[]; general: Problem[] }) {
  const { t } = useTranslation("practices");
  const count = fields.reduce((total, field) => total + field.messages.length, 0) + general.length;
  if (!count) return null;
  return (
    <div className="alert alert-danger" role="alert" data-testid="form-problems">
      <p className="fw-semibold mb-1">{t("form.problems", { count })}</p>
      <ul className="mb-0">
        {general.map((problem, index) => (
          <li key={`general-${index}`}>{problem.message}</li>
        ))}
        {fields.flatMap((field) =>
          field.messages.map((message, index) => (
            <li key={`${field.path}-${index}`}>
              {field.elementId ? (
                <a
                  href={`#${field.elementId}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusField(field.elementId as string);
                  }}
                >
                  {message}
                </a>
              ) : (
                `${field.label}: ${message}`
              )}
            </li>
          )),
        )}
      </ul>
    </div>
  );
}

/**
 * A Form.io form rendered by Form.io's own renderer, loaded on first use. Submitting is the
 * page's business (through the GraphQL mutations): the form has no buttons of its own.
 */
/** One empty list for every render: a fresh `[]` default would re-run the effects below forever. */
const NO_PROBLEMS: Problem[] = [];
const NO_LOCKS: readonly string[] = [];

export function FormView({ definition, data, readOnly = false, locked = NO_LOCKS, language, problems = NO_PROBLEMS, onChange, upload }: FormViewProps) {
  const { t } = useTranslation("practices");
  const container = useRef<HTMLDivElement>(null);
  const [form, setForm] = useState<RenderedForm | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [fieldProblems, setFieldProblems] = useState<FieldProblem[]>([]);
  const [downloadFailure, setDownloadFailure] = useState<string | null>(null);
  const download = useFileDownload();
  // Callbacks and initial values are read when the form is built, without rebuilding it.
  const latest = useRef({ data, language, onChange, upload, download, t });
  // Compared by content: a refetched practice brings an equal list in a new array.
  const lockedKey = locked.join("\n");
  latest.current = { data, language, onChange, upload, download, t };

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let cancelled = false;
    let rendered: RenderedForm | null = null;
    setForm(null);
    setFailed(null);
    import("./renderer")
      .then(({ renderForm }) =>
        renderForm(element, {
          definition,
          data: latest.current.data ?? {},
          readOnly,
          locked: lockedKey ? lockedKey.split("\n") : [],
          language: latest.current.language,
          onChange: (next) => latest.current.onChange?.(next),
          upload: (file, key) => {
            const { upload: send, t: translate } = latest.current;
            return send ? send(file, key) : Promise.reject(new Error(translate("form.noUpload")));
          },
          download: latest.current.download
            ? async (file) => {
                setDownloadFailure(null);
                const failure = await latest.current.download?.(file);
                setDownloadFailure(failure ?? null);
              }
            : undefined,
        }),
      )
      .then((result) => {
        rendered = result;
        if (cancelled) result.destroy();
        else setForm(result);
      })
      .catch((error: unknown) => {
        if (!cancelled) setFailed(error instanceof Error ? error.message : String(error));
      });
    return () => {
      cancelled = true;
      rendered?.destroy();
    };
  }, [definition, readOnly, lockedKey]);

  useEffect(() => {
    form?.setLanguage(language);
  }, [form, language]);

  // The file link may be far down a long form: bring the message about it into view.
  const failureAlert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (downloadFailure) failureAlert.current?.scrollIntoView?.({ block: "nearest" });
  }, [downloadFailure]);

  const { byPath, general } = useMemo(() => groupProblems(problems), [problems]);
  useEffect(() => {
    setFieldProblems(form ? form.showProblems(byPath) : []);
  }, [form, byPath]);

  return (
    <div className="sportello-form">
      <ProblemSummary fields={fieldProblems} general={general} />
      {failed && (
        <div className="alert alert-danger" role="alert">
          {t("form.loadFailed")} ({failed})
        </div>
      )}
      {downloadFailure && (
        <div className="alert alert-danger" role="alert" data-testid="download-failure" ref={failureAlert}>
          {downloadFailure}
        </div>
      )}
      {!form && !failed && (
        <div className="d-flex align-items-center gap-2 my-3" role="status">
          <div className="progress-spinner progress-spinner-active size-sm" aria-hidden="true" />
          <span>{t("form.loading")}</span>
        </div>
      )}
      <div ref={container} />
    </div>
  );
}
