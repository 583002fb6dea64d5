import { useTranslation } from "react-i18next";

import { bookingPriceCents, formatEuro } from "./price";

/** The price of the interval being booked, worked out so the citizen sees how it comes about. */
export function PriceSummary({ pricePerHourCents, minutes }: { pricePerHourCents: number | null | undefined; minutes: number }) {
  const { t, i18n } = useTranslation("booking");
  const total = bookingPriceCents(pricePerHourCents, minutes);
  const hours = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(minutes / 60);
  return (
    <p aria-live="polite" data-testid="price-summary">
      {total === null || pricePerHourCents == null
        ? t("room.free")
        : t("room.price", {
            hours,
            count: minutes / 60,
            rate: formatEuro(pricePerHourCents, i18n.language),
            total: formatEuro(total, i18n.language),
          })}
    </p>
  );
}
