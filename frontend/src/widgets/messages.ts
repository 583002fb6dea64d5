/**
 * The widgets' texts. A tiny table rather than i18next keeps the embedded script small; the
 * server translates its own content (service names…) from the Accept-Language we send.
 */
export const LANGUAGES = ["it", "en", "de"] as const;
export type Language = (typeof LANGUAGES)[number];

const it = {
  servicesHeading: "Servizi online",
  searchLabel: "Cerca un servizio",
  categoryLabel: "Categoria",
  allCategories: "Tutte le categorie",
  search: "Cerca",
  loading: "Caricamento…",
  servicesFound: ["{n} servizio trovato", "{n} servizi trovati"],
  noServices: "Nessun servizio corrisponde alla ricerca.",
  pages: "Pagine dei risultati",
  page: "Pagina {page} di {pages}",
  previousPage: "Pagina precedente",
  nextPage: "Pagina successiva",
  byAppointment: "Su appuntamento",
  unreachable: "Lo sportello online non è raggiungibile in questo momento. Riprova più tardi.",
  retry: "Riprova",
  serviceNotFound: "Servizio non trovato.",
  bookingHeading: "Prenota un appuntamento: {service}",
  week: "Settimana {range}",
  weeks: "Settimane",
  previousWeek: "Settimana precedente",
  nextWeek: "Settimana successiva",
  freeTimes: ["{n} orario libero in questa settimana", "{n} orari liberi in questa settimana"],
  noFreeTimes: "Nessun orario libero in questa settimana.",
  freePlaces: ["{n} posto libero", "{n} posti liberi"],
  chosen: "Hai scelto {when}.",
  book: "Prenota questo orario",
  bookHint: "Accederai all'area personale per confermare la prenotazione.",
};

export type Messages = typeof it;
export type MessageKey = keyof Messages;

const en: Messages = {
  servicesHeading: "Online services",
  searchLabel: "Search for a service",
  categoryLabel: "Category",
  allCategories: "All categories",
  search: "Search",
  loading: "Loading…",
  servicesFound: ["{n} service found", "{n} services found"],
  noServices: "No service matches your search.",
  pages: "Result pages",
  page: "Page {page} of {pages}",
  previousPage: "Previous page",
  nextPage: "Next page",
  byAppointment: "By appointment",
  unreachable: "The online service desk cannot be reached right now. Please try again later.",
  retry: "Try again",
  serviceNotFound: "Service not found.",
  bookingHeading: "Book an appointment: {service}",
  week: "Week {range}",
  weeks: "Weeks",
  previousWeek: "Previous week",
  nextWeek: "Next week",
  freeTimes: ["{n} free time this week", "{n} free times this week"],
  noFreeTimes: "No free times this week.",
  freePlaces: ["{n} place free", "{n} places free"],
  chosen: "You chose {when}.",
  book: "Book this time",
  bookHint: "You will log in to your personal area to confirm the booking.",
};

const de: Messages = {
  servicesHeading: "Online-Dienste",
  searchLabel: "Dienst suchen",
  categoryLabel: "Kategorie",
  allCategories: "Alle Kategorien",
  search: "Suchen",
  loading: "Wird geladen…",
  servicesFound: ["{n} Dienst gefunden", "{n} Dienste gefunden"],
  noServices: "Kein Dienst entspricht Ihrer Suche.",
  pages: "Ergebnisseiten",
  page: "Seite {page} von {pages}",
  previousPage: "Vorherige Seite",
  nextPage: "Nächste Seite",
  byAppointment: "Mit Termin",
  unreachable: "Das Online-Bürgerbüro ist derzeit nicht erreichbar. Bitte versuchen Sie es später erneut.",
  retry: "Erneut versuchen",
  serviceNotFound: "Dienst nicht gefunden.",
  bookingHeading: "Termin vereinbaren: {service}",
  week: "Woche {range}",
  weeks: "Wochen",
  previousWeek: "Vorherige Woche",
  nextWeek: "Nächste Woche",
  freeTimes: ["{n} freier Termin in dieser Woche", "{n} freie Termine in dieser Woche"],
  noFreeTimes: "Keine freien Termine in dieser Woche.",
  freePlaces: ["{n} Platz frei", "{n} Plätze frei"],
  chosen: "Sie haben {when} gewählt.",
  book: "Diesen Termin buchen",
  bookHint: "Sie melden sich in Ihrem persönlichen Bereich an, um die Buchung zu bestätigen.",
};

const TABLE: Record<Language, Messages> = { it, en, de };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * The texts of one language. A key with two forms is a count: the first form is for exactly
 * one, the second for any other number (`values.n`).
 */
export function translator(language: Language): Translate {
  return (key, values = {}) => {
    const entry = TABLE[language][key];
    const text = Array.isArray(entry) ? entry[values.n === 1 ? 0 : 1] : entry;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
  };
}

/** A language tag ("de-AT", "EN") as one of the widgets' languages, Italian when unknown. */
export function supportedLanguage(tag: string | null | undefined): Language {
  const primary = (tag ?? "").slice(0, 2).toLowerCase();
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : "it";
}
