import { useTranslation } from "react-i18next";

import type { CatalogueServiceQuery } from "../../gql/graphql";
import { formatDate, periodKey } from "./dates";
import { hoursText } from "./openingHours";

type Office = NonNullable<CatalogueServiceQuery["service"]>["offices"][number];
type Calendar = Office["calendars"][number];
type Hours = Calendar["openingHours"][number];

function HoursLine({ hours }: { hours: Hours }) {
  const { t, i18n } = useTranslation("catalogue");
  const language = i18n.language;
  const from = hours.validFrom && formatDate(hours.validFrom, language);
  const until = hours.validUntil && formatDate(hours.validUntil, language);
  const period = periodKey(from, until);
  const validity = period ? t(`offices.${period}`, { from, until }) : "";
  return (
    <li>
      {hoursText(hours, language)}
      {validity && ` (${validity})`}
    </li>
  );
}

/** The desk hours of an office's appointment calendars (resource calendars are not desks). */
function DeskHours({ calendars }: { calendars: Calendar[] }) {
  const { t } = useTranslation("catalogue");
  const desks = calendars.filter((calendar) => calendar.kind === "FIXED_SLOTS" && calendar.openingHours.length);
  if (!desks.length) return null;
  return (
    <>
      <h4 className="h6 mt-3">{t("offices.hours")}</h4>
      {desks.map((desk) => (
        <div key={desk.id}>
          <p className="mb-1">{desk.name}</p>
          <ul className="mb-2">
            {desk.openingHours.map((hours, index) => (
              <HoursLine key={index} hours={hours} />
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

/** The offices that provide the service: address, contacts and desk hours. */
export function OfficeList({ offices }: { offices: Office[] }) {
  const { t } = useTranslation("catalogue");
  return (
    <div className="row g-3">
      {offices.map((office) => (
        <div key={office.id} className="col-12 col-md-6">
          <div className="it-card rounded shadow-sm border h-100 p-3" data-testid="office">
            <h3 className="h5">{office.name}</h3>
            <dl className="mb-0">
              {office.address && (
                <>
                  <dt>{t("offices.address")}</dt>
                  <dd>{office.address}</dd>
                </>
              )}
              {office.phone && (
                <>
                  <dt>{t("offices.phone")}</dt>
                  <dd>
                    <a href={`tel:${office.phone.replace(/\s+/g, "")}`}>{office.phone}</a>
                  </dd>
                </>
              )}
              {office.email && (
                <>
                  <dt>{t("offices.email")}</dt>
                  <dd>
                    <a href={`mailto:${office.email}`}>{office.email}</a>
                  </dd>
                </>
              )}
            </dl>
            <DeskHours calendars={office.calendars} />
          </div>
        </div>
      ))}
    </div>
  );
}
