import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";

import { BookingResourcesDocument, type ResourceKind } from "../../gql/graphql";
import { usePageTitle } from "../../shared/layout/Layout";
import { ProblemList } from "../../shared/ProblemList";
import { problemsOf } from "../../shared/problems";
import { useSession, useTenant } from "../../shared/providers";
import { CursorPager, useCursorPages } from "../../shared/pagination";
import { formatEuro } from "./price";
import { ResourcePhoto } from "./ResourcePhoto";

const PAGE = 12;
export const RESOURCE_KINDS: ResourceKind[] = ["ROOM", "HALL", "SPORTS_FIELD", "EQUIPMENT"];

function kindParam(value: string | null): ResourceKind | null {
  return RESOURCE_KINDS.find((kind) => kind === value) ?? null;
}

function capacityParam(value: string | null): number | null {
  const number = Number(value);
  return value && Number.isInteger(number) && number > 0 ? number : null;
}

/** /prenotazioni: the rooms, halls, fields and equipment one may book, filtered by kind and capacity. */
export function ResourcesPage() {
  const { t, i18n } = useTranslation("booking");
  const tenant = useTenant();
  const { user } = useSession();
  usePageTitle(t("rooms.title"), tenant.name);
  const [params, setParams] = useSearchParams();
  const kind = kindParam(params.get("tipo"));
  const minCapacity = capacityParam(params.get("persone"));
  const [kindInput, setKindInput] = useState<string>(kind ?? "");
  const [capacityInput, setCapacityInput] = useState(minCapacity ? String(minCapacity) : "");
  const pages = useCursorPages();
  const [result] = useQuery({
    query: BookingResourcesDocument,
    variables: { kinds: kind ? [kind] : null, minCapacity, first: PAGE, after: pages.after },
  });
  const connection = result.data?.resources;
  const resources = connection?.edges.map((edge) => edge.node) ?? [];

  function filter(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (kindParam(kindInput)) next.set("tipo", kindInput);
    if (capacityParam(capacityInput)) next.set("persone", capacityInput);
    setParams(next);
    pages.reset();
  }

  return (
    <div>
      <h1>{t("rooms.title")}</h1>
      <p>{t("rooms.intro")}</p>
      {user && <p><Link to="/prenotazioni/mie">{t("rooms.mine")}</Link></p>}
      <form className="row g-3 align-items-end mb-4" onSubmit={filter} aria-label={t("rooms.filters")}>
        <div className="col-12 col-md-4">
          <div className="select-wrapper">
            <label htmlFor="rooms-kind">{t("rooms.kind")}</label>
            <select id="rooms-kind" value={kindInput} onChange={(event) => setKindInput(event.target.value)}>
              <option value="">{t("rooms.anyKind")}</option>
              {RESOURCE_KINDS.map((value) => (
                <option key={value} value={value}>{t(`kind.${value}`)}</option>
              ))}
            </select>
          </div>
        </div>
        <div className="col-12 col-md-4">
          <div className="form-group mb-0">
            <label htmlFor="rooms-capacity" className="active">{t("rooms.capacity")}</label>
            <input id="rooms-capacity" type="number" min={1} inputMode="numeric" className="form-control"
              value={capacityInput} onChange={(event) => setCapacityInput(event.target.value)} />
          </div>
        </div>
        <div className="col-12 col-md-4">
          <button type="submit" className="btn btn-primary">{t("rooms.apply")}</button>
        </div>
      </form>
      <ProblemList problems={problemsOf(undefined, result.error)} />
      <p role="status" data-testid="rooms-count">
        {result.fetching && !connection ? t("loading") : t("rooms.count", { count: connection?.totalCount ?? 0 })}
      </p>
      <ul className="list-unstyled row" data-testid="rooms">
        {resources.map((resource) => (
          <li key={resource.id} className="col-12 col-md-6 col-lg-4 mb-4">
            <article className="card card-bg h-100 shadow-sm">
              {resource.photo && <ResourcePhoto photo={resource.photo} className="card-img-top" />}
              <div className="card-body">
                <h2 className="card-title h5">
                  <Link to={`/prenotazioni/${encodeURIComponent(resource.id)}`}>{resource.name}</Link>
                </h2>
                {resource.description && <p className="card-text">{resource.description}</p>}
                <dl className="row mb-0 small">
                  <dt className="col-6">{t("rooms.kindLabel")}</dt>
                  <dd className="col-6">{t(`kind.${resource.kind}`)}</dd>
                  {resource.address && (
                    <>
                      <dt className="col-6">{t("rooms.addressLabel")}</dt>
                      <dd className="col-6">{resource.address}</dd>
                    </>
                  )}
                  <dt className="col-6">{t("rooms.capacityLabel")}</dt>
                  <dd className="col-6">{t("rooms.people", { count: resource.capacity })}</dd>
                  <dt className="col-6">{t("rooms.priceLabel")}</dt>
                  <dd className="col-6">
                    {resource.pricePerHourCents == null
                      ? t("rooms.freeOfCharge")
                      : t("rooms.perHour", { price: formatEuro(resource.pricePerHourCents, i18n.language) })}
                  </dd>
                </dl>
              </div>
            </article>
          </li>
        ))}
      </ul>
      <CursorPager label={t("rooms.pages")} page={pages.page} hasPrevious={pages.hasPrevious}
        hasNext={connection?.pageInfo.hasNextPage ?? false} onPrevious={pages.previous}
        onNext={() => pages.next(connection?.pageInfo.endCursor)} />
    </div>
  );
}
