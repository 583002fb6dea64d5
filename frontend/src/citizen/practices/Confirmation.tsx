import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import type { PracticesDetailFragment } from "../../gql/graphql";
import { FileLink } from "../../shared/files/FileLink";
import { formatDateTime } from "../../shared/format";

/** What a citizen sees once the practice is sent: its number, when, the receipt. Takes the focus. */
export function Confirmation({ practice, showLink = true }: { practice: PracticesDetailFragment; showLink?: boolean }) {
  const { t, i18n } = useTranslation("practices");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="alert alert-success" data-testid="practice-confirmation">
      <h2 className="h4" ref={heading} tabIndex={-1}>
        {t("confirmation.title")}
      </h2>
      <p className="mb-1">
        {t("confirmation.number")} <strong data-testid="practice-number">{practice.number}</strong>
      </p>
      {practice.submittedAt && (
        <p className="mb-1">{t("confirmation.when", { when: formatDateTime(practice.submittedAt, i18n.language) })}</p>
      )}
      {practice.receipt && (
        <p className="mb-1">
          {t("confirmation.receipt")} <FileLink file={practice.receipt} />
        </p>
      )}
      {showLink && (
        <p className="mb-0">
          <Link to={`/pratiche/${encodeURIComponent(practice.id)}`}>{t("confirmation.follow")}</Link>
        </p>
      )}
    </div>
  );
}
