/**
 * The price of a booking of `minutes` at `pricePerHourCents`, in cents; null when free of charge.
 * Rounds half to even as the server does (Python's round), so the price shown before booking is
 * the one the booking gets.
 */
export function bookingPriceCents(pricePerHourCents: number | null | undefined, minutes: number): number | null {
  if (pricePerHourCents == null) return null;
  const exact = (pricePerHourCents * minutes) / 60;
  const rounded = Math.round(exact);
  const tie = Math.abs(exact - Math.trunc(exact)) === 0.5;
  return tie && rounded % 2 !== 0 ? rounded - 1 : rounded;
}

/** An amount in cents as the UI language writes euros, e.g. "25,00 €". */
export function formatEuro(cents: number, language: string): string {
  return new Intl.NumberFormat(language, { style: "currency", currency: "EUR" }).format(cents / 100);
}
