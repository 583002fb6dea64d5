"""Fixed wording of the receipt and local formats of dates and numbers, in it, en and de."""

from __future__ import annotations

import datetime as dt
import math

from models.clock import ITALY
from models.formio.messages import pick_language

EMPTY = "—"

WORDS: dict[str, dict[str, str]] = {
    "TITLE": {
        "it": "Ricevuta di presentazione",
        "en": "Submission receipt",
        "de": "Eingangsbestätigung",
    },
    "NUMBER": {"it": "Numero pratica", "en": "Application number", "de": "Antragsnummer"},
    "SUBMITTED_AT": {"it": "Presentata il", "en": "Submitted on", "de": "Eingereicht am"},
    "APPLICANT": {"it": "Richiedente", "en": "Applicant", "de": "Antragsteller/in"},
    "FISCAL_CODE": {
        "it": "Codice fiscale",
        "en": "Fiscal code",
        "de": "Steuernummer (Codice fiscale)",
    },
    "FORM_VERSION": {"it": "Versione del modulo", "en": "Form version", "de": "Formularversion"},
    "DATA": {"it": "Dati inviati", "en": "Submitted data", "de": "Übermittelte Daten"},
    "YES": {"it": "Sì", "en": "Yes", "de": "Ja"},
    "NO": {"it": "No", "en": "No", "de": "Nein"},
    "ROW": {"it": "Riga {n}", "en": "Row {n}", "de": "Zeile {n}"},
    "SIGNED": {"it": "Firma apposta", "en": "Signature provided", "de": "Unterschrift geleistet"},
    "PAGE": {
        "it": "pagina {page} di {pages}",
        "en": "page {page} of {pages}",
        "de": "Seite {page} von {pages}",
    },
    "FOOTER": {"it": "Pratica n. {number}", "en": "Application {number}", "de": "Antrag {number}"},
    "AT_TIME": {"it": "{date}, ore {time}", "en": "{date}, {time}", "de": "{date}, {time} Uhr"},
}

MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def word(name: str, language: str, **params: object) -> str:
    """The fixed text `name` in `language` (Italian when unsupported), with `params` filled in."""
    return WORDS[name][pick_language(language)].format(**params)


def format_date(day: dt.date, language: str) -> str:
    """`01/12/2026` in Italian, `1 December 2026` in English, `01.12.2026` in German."""
    language = pick_language(language)
    if language == "en":
        return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year:04d}"
    separator = "." if language == "de" else "/"
    return f"{day.day:02d}{separator}{day.month:02d}{separator}{day.year:04d}"


def format_time(moment: dt.time) -> str:
    """`09:30`, with seconds only when there are some."""
    text = f"{moment.hour:02d}:{moment.minute:02d}"
    return f"{text}:{moment.second:02d}" if moment.second else text


def local(moment: dt.datetime) -> dt.datetime:
    """An aware instant as wall-clock time in Rome; a naive one is taken as already local."""
    return moment.astimezone(ITALY) if moment.tzinfo is not None else moment


def format_moment(moment: dt.datetime, language: str) -> str:
    """Date and time in Rome: `12/03/2026, ore 10:15`."""
    shown = local(moment)
    date, time = format_date(shown.date(), language), format_time(shown.time())
    return word("AT_TIME", language, date=date, time=time)


def format_number(
    value: float, language: str, *, decimals: int | None = None, grouped: bool = False
) -> str:
    """`14500.5` as `14500,5` (it, de) or `14500.5` (en); thousands grouped on request."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if decimals is not None:
        text = f"{value:,.{decimals}f}"
    elif float(value).is_integer() and abs(value) < 1e18:
        text = f"{int(value):,}"
    else:
        text = f"{value:,}"
    if not grouped:
        text = text.replace(",", "")
    if pick_language(language) == "en":
        return text
    return text.translate(str.maketrans(",.", ".,"))


def format_size(size: int, language: str) -> str:
    """A file size in binary units, as Form.io counts them: `117,2 KB`."""
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= scale:
            return f"{format_number(size / scale, language, decimals=1)} {unit}"
    return f"{size} B"
