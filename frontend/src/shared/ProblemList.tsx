import { useTranslation } from "react-i18next";

import type { Problem } from "./problems";

/** The problems a request met, announced to screen readers; field problems name their field. */
export function ProblemList({ problems, labels = {} }: { problems: Problem[]; labels?: Record<string, string> }) {
  const { t } = useTranslation();
  if (!problems.length) return null;
  return (
    <div className="alert alert-danger" role="alert" data-testid="problems">
      <p className="fw-semibold mb-1">{t("problems.title", { count: problems.length })}</p>
      <ul className="mb-0">
        {problems.map((problem, index) => (
          <li key={`${problem.field ?? ""}-${problem.code}-${index}`}>
            {problem.field ? `${labels[problem.field] ?? problem.field}: ` : ""}
            {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
