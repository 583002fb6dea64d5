import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { CatalogueServiceQuery } from "../../gql/graphql";
import type { Crumb } from "../../shared/layout/trail";
import { formatDate, periodKey } from "./dates";
import { OfficeList } from "./OfficeList";
import { Paragraphs } from "./Paragraphs";
import { searchQueryString } from "./search";
import { isOpen } from "./service";
import { ServiceAccess } from "./ServiceAccess";

export type ServiceFull = NonNullable<CatalogueServiceQuery["service"]>;

interface Section {
  id: string;
  title: string;
  content: ReactNode;
}

/** "Tempi e scadenze": how long the office takes and when applications are accepted; null when the service says neither. */
function TimesText({ service }: { service: ServiceFull }) {
  const { t, i18n } = useTranslation("catalogue");
  const from = service.publishFrom && formatDate(service.publishFrom, i18n.language);
  const until = service.publishUntil && formatDate(service.publishUntil, i18n.language);
  const period = periodKey(from, until);
  return (
    <>
      {service.maxResponseDays != null && <p>{t("times.response", { count: service.maxResponseDays })}</p>}
      {period && <p>{t(`times.${period}`, { from, until })}</p>}
    </>
  );
}

/**
 * The sections of the Designers Italia "scheda servizio" this service has something to say in,
 * in the model's order; the page index is built from the same list.
 */
function useSections(service: ServiceFull, bookable: boolean | undefined): Section[] {
  const { t } = useTranslation("catalogue");
  const text = (id: string, title: string, value: string | null): Section[] =>
    value?.trim() ? [{ id, title, content: <Paragraphs text={value} /> }] : [];
  const hasTimes = service.maxResponseDays != null || service.publishFrom || service.publishUntil;
  const hasCosts = service.costs?.trim() || service.paymentRequired;
  return [
    ...text("descrizione", t("sections.description"), service.description),
    ...text("a-chi-e-rivolto", t("sections.audience"), service.audience),
    ...text("come-fare", t("sections.howTo"), service.howTo),
    ...text("cosa-serve", t("sections.requirements"), service.requirements),
    ...text("cosa-si-ottiene", t("sections.outcome"), service.outcome),
    ...(hasTimes ? [{ id: "tempi", title: t("sections.times"), content: <TimesText service={service} /> }] : []),
    ...(hasCosts
      ? [{
          id: "costi",
          title: t("sections.costs"),
          content: (
            <>
              {service.costs?.trim() && <Paragraphs text={service.costs} />}
              {service.paymentRequired && <p>{t("costs.payment")}</p>}
            </>
          ),
        }]
      : []),
    { id: "accesso", title: t("sections.access"), content: <ServiceAccess service={service} bookable={bookable} /> },
    ...(service.offices.length
      ? [{ id: "uffici", title: t("sections.offices"), content: <OfficeList offices={service.offices} /> }]
      : []),
    ...text("normativa", t("sections.legalBasis"), service.legalBasis),
  ];
}

/** The steps of a service page's breadcrumb between "Home" and the service: the catalogue, then its category. */
export function serviceParents(service: ServiceFull, catalogue: string): Crumb[] {
  const category = service.category
    ? [{ label: service.category.name, to: `/${searchQueryString({ category: service.category.slug })}` }]
    : [];
  return [{ label: catalogue, to: "/" }, ...category];
}

/** The page index ("Indice della pagina"): a link to every section shown. */
function PageIndex({ sections }: { sections: Section[] }) {
  const { t } = useTranslation("catalogue");
  return (
    <nav className="link-list-wrapper mb-4" aria-labelledby="service-index">
      <h2 id="service-index" className="h5">
        {t("service.index")}
      </h2>
      <ul className="link-list" data-testid="service-index">
        {sections.map((section) => (
          <li key={section.id}>
            <a className="list-item" href={`#${section.id}`}>
              <span>{section.title}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * A service's page as the Designers Italia "scheda servizio" model lays it out: title with its
 * state and summary, the page index beside the sections, the last update (the layout draws the
 * breadcrumb, from `serviceParents`).
 */
export function ServiceDetails({ service, bookable, topicsLanguage }: {
  service: ServiceFull;
  bookable: boolean | undefined;
  /** The language the municipality writes topics in (they are not translated). */
  topicsLanguage: string;
}) {
  const { t, i18n } = useTranslation("catalogue");
  const sections = useSections(service, bookable);
  return (
    <>
      <div className="mb-4">
        <h1>{service.name}</h1>
        <p className="mb-2">
          <span className={`badge ${isOpen(service) ? "bg-success" : "bg-danger"}`}>
            {t(isOpen(service) ? "service.active" : "service.inactive")}
          </span>
          {service.group && <span className="ms-3">{t("service.group", { name: service.group.name })}</span>}
        </p>
        {service.shortDescription && <p className="lead">{service.shortDescription}</p>}
        <a className="btn btn-outline-primary btn-sm" href="#accesso">
          {t("sections.access")}
        </a>
      </div>
      <div className="row">
        <div className="col-12 col-lg-3">
          <PageIndex sections={sections} />
        </div>
        <div className="col-12 col-lg-9">
          {sections.map((section) => (
            <section key={section.id} id={section.id} aria-labelledby={`${section.id}-title`} className="mb-5">
              <h2 id={`${section.id}-title`} className="h3">
                {section.title}
              </h2>
              {section.content}
            </section>
          ))}
          {service.topics.length > 0 && (
            <section aria-labelledby="argomenti-title" className="mb-4">
              <h2 id="argomenti-title" className="h5">
                {t("service.topics")}
              </h2>
              <ul className="list-inline" lang={topicsLanguage}>
                {service.topics.map((topic) => (
                  <li key={topic} className="list-inline-item chip chip-simple">
                    <span className="chip-label">{topic}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <p className="small">{t("service.updated", { date: formatDate(service.updatedAt, i18n.language) })}</p>
        </div>
      </div>
    </>
  );
}
