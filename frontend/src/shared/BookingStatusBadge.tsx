import { useTranslation } from "react-i18next";

import type { BookingStatus } from "../gql/graphql";

const TONE: Record<BookingStatus, string> = {
  DRAFT: "bg-secondary",
  PENDING: "bg-warning",
  APPROVED: "bg-success",
  REFUSED: "bg-danger",
  CANCELLED: "bg-secondary",
  EXPIRED: "bg-secondary",
  DONE: "bg-primary",
  MISSED: "bg-danger",
};

/** The status of an appointment or booking, in words (the colour only repeats them). */
export function StatusBadge({ status }: { status: BookingStatus }) {
  const { t } = useTranslation("booking");
  return (
    <span className={`badge ${TONE[status]}`} data-testid="booking-status">
      {t(`status.${status}`)}
    </span>
  );
}
