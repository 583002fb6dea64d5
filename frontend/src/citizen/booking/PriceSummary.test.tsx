import { screen } from "@testing-library/react";

import { bookingPriceCents } from "./price";
import { PriceSummary } from "./PriceSummary";
import { renderIn } from "../../shared/testing";

/** The summary's text, with Intl's no-break spaces written as plain ones. */
const summary = () => screen.getByTestId("price-summary").textContent?.replace(/\u00a0|\u202f/g, " ");

describe("PriceSummary", () => {
  test("shows hours × rate = total in the UI language", () => {
    const { unmount } = renderIn(<PriceSummary pricePerHourCents={2500} minutes={90} />);
    expect(summary()).toBe("1,5 ore × 25,00 € = 37,50 €");
    unmount();
    renderIn(<PriceSummary pricePerHourCents={1500} minutes={60} />, "en");
    expect(summary()).toBe("1 hour × €15.00 = €15.00");
  });

  test("says when a resource is free of charge", () => {
    renderIn(<PriceSummary pricePerHourCents={null} minutes={120} />, "de");
    expect(screen.getByTestId("price-summary").textContent).toBe("Die Nutzung ist kostenlos.");
  });
});

describe("bookingPriceCents", () => {
  test("rounds half cents to even, as the server does", () => {
    expect(bookingPriceCents(2500, 120)).toBe(5000);
    expect(bookingPriceCents(1501, 30)).toBe(750); // 750.5
    expect(bookingPriceCents(1503, 30)).toBe(752); // 751.5
    expect(bookingPriceCents(1000, 20)).toBe(333);
    expect(bookingPriceCents(null, 60)).toBeNull();
  });
});
