import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * Forward pagination over a Relay connection: the cursors of the pages seen so far, so that
 * "previous" goes back to the page one saw (hasPreviousPage is not reliable going forward).
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const next = useCallback((endCursor: string | null | undefined) => {
    if (endCursor) setCursors((seen) => [...seen, endCursor]);
  }, []);
  const previous = useCallback(() => setCursors((seen) => (seen.length > 1 ? seen.slice(0, -1) : seen)), []);
  const reset = useCallback(() => setCursors([null]), []);
  return { after, page: cursors.length, hasPrevious: cursors.length > 1, next, previous, reset };
}

interface PagerProps {
  label: string;
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

/** Previous / next page buttons in Bootstrap Italia's pager, with the page number. */
export function CursorPager({ label, page, hasPrevious, hasNext, onPrevious, onNext }: PagerProps) {
  const { t } = useTranslation("booking");
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav className="pagination-wrapper" aria-label={label}>
      <ul className="pagination">
        <li className="page-item">
          <button type="button" className="btn btn-link page-link" disabled={!hasPrevious} onClick={onPrevious}>
            <span aria-hidden="true">‹ </span>{t("pager.previous")}
          </button>
        </li>
        <li className="page-item">
          <span className="page-link" aria-current="page">{t("pager.page", { page })}</span>
        </li>
        <li className="page-item">
          <button type="button" className="btn btn-link page-link" disabled={!hasNext} onClick={onNext}>
            {t("pager.next")}<span aria-hidden="true"> ›</span>
          </button>
        </li>
      </ul>
    </nav>
  );
}
