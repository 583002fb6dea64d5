"""Submission receipts read back as a citizen sees them: numbers, labels, dates, pages."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import re
import struct
import zlib
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from stdnum.it import codicefiscale

from models.formio import validate_submission
from models.receipt import ReceiptInput, render_receipt
from models.receipt.values import format_value
from tests.test_formio_samples import CF1, CF2, CF3, VALID

SAMPLES = Path(__file__).parent / "formio_samples"
JPG = {"name": "carta-identità.jpg", "size": 300_000, "type": "image/jpeg", "id": "u2"}
PDF = {"name": "isee-2026.pdf", "size": 1_572_864, "type": "application/pdf", "id": "u1"}
WINTER = dt.datetime(2026, 3, 12, 9, 15, tzinfo=dt.UTC)  # 10:15 in Rome (CET)
SUMMER = dt.datetime(2026, 7, 1, 22, 30, tzinfo=dt.UTC)  # 00:30 next day in Rome (CEST)


def form(name: str) -> dict[str, Any]:
    return json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def changed(name: str, **changes: Any) -> dict[str, Any]:
    """A valid sample submission (shared with the validator's tests) with some values
    changed for what a receipt shows; None removes a value."""
    data = copy.deepcopy(VALID[name])
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


SUBMISSIONS: dict[str, dict[str, Any]] = {
    "residence-change": changed("residence-change", identityDocument=[JPG], submit=None),
    "school-canteen": changed(
        "school-canteen",
        iseeCertificate=[PDF],
        children=[
            {**child, "childName": f"{child['childName']} Rossi"}
            for child in VALID["school-canteen"]["children"]
        ],
    ),
    "bulky-waste": changed(
        "bulky-waste",
        estimatedFee=1234.5,
        pickupAddress={"mode": "autocomplete", "address": {"display_name": "via Roma 1, Bugliano"}},
    ),
    "parking-permit": changed("parking-permit", ownership="own", companyDeclaration=None),
}


def stored(name: str, changes: dict[str, Any] | None = None) -> dict[str, Any]:
    """The submission as the platform stores it: validated, hidden values dropped, defaults in."""
    data = {**copy.deepcopy(SUBMISSIONS[name]), **(changes or {})}
    result = validate_submission(form(name), data)
    assert result.problems == []
    return result.data


def receipt(name: str = "residence-change", **changes: Any) -> ReceiptInput:
    definition = form(name)
    base = ReceiptInput(
        tenant_name="Comune di Bugliano",
        primary_colour="#0066cc",
        logo_png=None,
        service_name=definition["title"],
        practice_number="2026/000123",
        submitted_at=WINTER,
        applicant_name="Mario Rossi",
        applicant_fiscal_code=CF1,
        language="it",
        definition=definition,
        data=stored(name),
        form_version=3,
    )
    return replace(base, **changes)


def pages(content: bytes) -> list[str]:
    """The text of each page, lines joined by single spaces."""
    reader = PdfReader(io.BytesIO(content))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def text(content: bytes) -> str:
    return " ".join(pages(content))


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A plain RGB PNG, built by hand."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def fiscal_code(n: int) -> str:
    stem = f"BNCLCU15M10F2{n:02d}"
    return stem + codicefiscale.calc_check_digit(stem)


# What the header and the summary say ----------------------------------------------------
def test_receipt_is_a_pdf_with_number_service_applicant_and_form_version() -> None:
    content = render_receipt(receipt())
    assert content.startswith(b"%PDF-")
    shown = text(content)
    assert "Comune di Bugliano" in shown
    assert "Ricevuta di presentazione" in shown
    assert "Dichiarazione di cambio di residenza" in shown
    assert "Numero pratica 2026/000123" in shown
    assert f"Richiedente Mario Rossi Codice fiscale {CF1}" in shown
    assert "Versione del modulo 3" in shown


@pytest.mark.parametrize(
    ("language", "title", "number"),
    [
        ("it", "Ricevuta di presentazione", "Numero pratica"),
        ("en", "Submission receipt", "Application number"),
        ("de", "Eingangsbestätigung", "Antragsnummer"),
        ("de-CH", "Eingangsbestätigung", "Antragsnummer"),
        ("fr", "Ricevuta di presentazione", "Numero pratica"),
    ],
)
def test_title_and_fixed_wording_follow_the_language(
    language: str, title: str, number: str
) -> None:
    shown = text(render_receipt(receipt(language=language)))
    assert title in shown
    assert f"{number} 2026/000123" in shown


@pytest.mark.parametrize(
    ("moment", "language", "expected"),
    [
        (WINTER, "it", "Presentata il 12/03/2026, ore 10:15"),
        (WINTER, "en", "Submitted on 12 March 2026, 10:15"),
        (WINTER, "de", "Eingereicht am 12.03.2026, 10:15 Uhr"),
        (SUMMER, "it", "Presentata il 02/07/2026, ore 00:30"),
    ],
)
def test_submission_time_is_printed_in_rome_time(
    moment: dt.datetime, language: str, expected: str
) -> None:
    assert expected in text(render_receipt(receipt(submitted_at=moment, language=language)))


def test_a_missing_fiscal_code_prints_a_dash() -> None:
    assert "Codice fiscale — Versione" in text(render_receipt(receipt(applicant_fiscal_code=None)))


# The data as submitted ----------------------------------------------------------------------
def test_choices_print_their_labels_not_their_values() -> None:
    shown = text(render_receipt(receipt()))
    assert "Titolo di occupazione Locatario" in shown
    assert "Figlio/a" in shown
    assert "Coniuge" in shown
    for raw in ("tenant", "child", "spouse"):
        assert not re.search(rf"\b{raw}\b", shown)


def test_ticked_boxes_print_their_labels_in_the_forms_order() -> None:
    shown = text(render_receipt(receipt("school-canteen")))
    assert "Giorni di frequenza Lunedì, Mercoledì" in shown
    assert "Scuola Scuola primaria G. Rodari" in shown
    assert "Scuola dell'infanzia Il Girasole" in shown


@pytest.mark.parametrize(
    ("language", "yes", "no"), [("it", "Sì", "No"), ("en", "Yes", "No"), ("de", "Ja", "Nein")]
)
def test_checkboxes_print_yes_or_no_in_the_language(language: str, yes: str, no: str) -> None:
    shown = text(render_receipt(receipt("school-canteen", language=language)))
    assert f"Allergie o intolleranze alimentari {yes}" in shown
    assert f"Allergie o intolleranze alimentari {no}" in shown
    assert f"Accetto l'informativa privacy {yes}" in shown


@pytest.mark.parametrize(
    ("language", "birth", "child"),
    [
        ("it", "01/01/1980", "10/08/2015"),
        ("en", "1 January 1980", "10 August 2015"),
        ("de", "01.01.1980", "10.08.2015"),
    ],
)
def test_days_print_as_local_dates(language: str, birth: str, child: str) -> None:
    assert f"Data di nascita {birth}" in text(render_receipt(receipt(language=language)))
    canteen = text(render_receipt(receipt("school-canteen", language=language)))
    assert f"Data di nascita {child}" in canteen


def test_date_time_and_currency_fields_print_humanly() -> None:
    shown = text(render_receipt(receipt("bulky-waste")))
    assert "Data preferita 01/12/2026" in shown
    assert "Orario preferito 09:30" in shown
    assert "Contributo stimato 1.234,50 €" in shown
    english = text(render_receipt(receipt("bulky-waste", language="en")))
    assert "Contributo stimato €1,234.50" in english


def test_files_print_their_names_and_sizes() -> None:
    assert "Documento di identità carta-identità.jpg (293,0 KB)" in text(render_receipt(receipt()))
    assert "Attestazione ISEE isee-2026.pdf (1,5 MB)" in text(
        render_receipt(receipt("school-canteen"))
    )


def test_address_prints_its_formatted_text() -> None:
    assert "Indirizzo di ritiro via Roma 1, Bugliano" in text(
        render_receipt(receipt("bulky-waste"))
    )


def test_datagrid_prints_as_a_table_with_one_line_per_row() -> None:
    shown = text(render_receipt(receipt()))
    assert "Nome e cognome Codice fiscale Rapporto di parentela" in shown
    assert f"Luca Bianchi {CF2} Figlio/a" in shown
    assert f"Giulia Verdi {CF3} Coniuge" in shown


def test_a_grid_too_wide_for_a_table_prints_numbered_rows() -> None:
    shown = text(render_receipt(receipt("school-canteen")))
    first, second = shown.index("Riga 1"), shown.index("Riga 2")
    assert shown.index("Figli") < first < shown.index("Luca Rossi") < second
    assert second < shown.index("Giulia Rossi")
    english = text(render_receipt(receipt("school-canteen", language="en")))
    assert "Row 1" in english


def test_sections_print_their_titles_in_the_forms_order() -> None:
    shown = text(render_receipt(receipt("bulky-waste")))
    order = [
        "Dove",
        "Indirizzo di ritiro",
        "Cosa",
        "Oggetti da ritirare",
        "Quando",
        "Data preferita",
    ]
    positions = [shown.index(title) for title in order]
    assert positions == sorted(positions)
    permit = text(render_receipt(receipt("parking-permit")))
    assert "Veicolo Targa AB123CD Il veicolo è Di mia proprietà" in permit
    assert "Zona Centro storico (ZTL A)" in permit


def test_a_container_is_a_section_of_its_fields() -> None:
    assert "Nuovo indirizzo Via / piazza via Roma Numero civico 12/B" in text(
        render_receipt(receipt())
    )


def test_hidden_content_and_buttons_are_not_printed() -> None:
    waste = receipt("bulky-waste")
    assert waste.data["source"] == "web"
    shown = text(render_receipt(waste))
    assert "source" not in shown
    assert "web" not in shown
    assert not re.search(r"\bPrenota\b", shown)  # the button; the service is "Prenotazione…"
    canteen = text(render_receipt(receipt("school-canteen")))
    assert "Compila una riga" not in canteen
    assert "Invia" not in canteen


def test_components_absent_from_the_data_are_skipped() -> None:
    owner = receipt(data=stored("residence-change", {"housingTitle": "owner"}))
    shown = text(render_receipt(owner))
    assert "Titolo di occupazione Proprietario" in shown
    assert "Estremi del contratto" not in shown
    assert "Dichiarazione dell'azienda" not in text(render_receipt(receipt("parking-permit")))


def test_an_empty_answer_prints_a_dash() -> None:
    assert "Telefono — Nuovo indirizzo" in text(render_receipt(receipt()))


# Pages ----------------------------------------------------------------------------------
def long_canteen() -> dict[str, Any]:
    child = SUBMISSIONS["school-canteen"]["children"][0]
    children = [
        {
            **child,
            "childName": f"Bambino numero {n}",
            "childFiscalCode": fiscal_code(n),
            "allergiesDescription": " ".join(["Intolleranza al lattosio e alle noci"] * 16),
        }
        for n in range(1, 7)
    ]
    return stored("school-canteen", {"children": children})


def test_a_long_submission_flows_over_pages_numbered_in_the_footer() -> None:
    content = render_receipt(receipt("school-canteen", data=long_canteen()))
    shown = pages(content)
    total = len(shown)
    assert total > 1
    for number, page in enumerate(shown, start=1):
        assert f"pagina {number} di {total}" in page
        assert "Pratica n. 2026/000123" in page
    assert "1 di" in shown[0]
    everything = " ".join(shown)
    assert all(f"Bambino numero {n}" in everything for n in range(1, 7))
    assert "Seite 1 von" in pages(render_receipt(receipt(language="de")))[0]


def test_a_text_longer_than_a_page_wraps_and_continues_on_the_next() -> None:
    notes = "Nota molto lunga numero uno. " * 300 + "Parolasenzaspazi" * 40 + " FINE"
    data = {**stored("bulky-waste"), "notes": notes}
    shown = pages(render_receipt(receipt("bulky-waste", data=data)))
    assert len(shown) >= 2
    assert "Note per gli operatori Nota molto lunga" in shown[0]
    assert "FINE Contributo stimato" in shown[-1]
    assert "ParolasenzaspaziParolasenzaspazi" in " ".join(shown)  # a long word is broken, not lost


# Unicode, style, determinism --------------------------------------------------------------
def test_text_beyond_latin1_prints_and_unknown_glyphs_do_not_fail() -> None:
    odd = "“Virgolette” ‘tipografiche’ – € ÄÖÜß Привет Ωμέγα 😀 中文 e\u0301 \ud800 {nb}\ttab"
    data = stored("bulky-waste", {"notes": odd})
    content = render_receipt(
        receipt(
            "bulky-waste",
            data=data,
            tenant_name="Gemeinde Völs “am Schlern” 🏔",
            applicant_name="Jürgen O’Brien 😀",
            service_name="Sperrmüll – Abholung",
            language="de",
        )
    )
    shown = text(content)
    for fragment in ("“Virgolette”", "‘tipografiche’", "€ ÄÖÜß", "Привет", "Ωμέγα", "😀", "é"):
        assert fragment in shown
    assert "{nb}" in shown
    assert "Gemeinde Völs “am Schlern”" in shown
    assert "Jürgen O’Brien" in shown
    assert "\ufffd" in shown  # what the font cannot draw is marked, not dropped silently


def test_same_input_gives_identical_bytes() -> None:
    first = render_receipt(receipt("school-canteen", logo_png=png(60, 20, (200, 30, 30))))
    second = render_receipt(receipt("school-canteen", logo_png=png(60, 20, (200, 30, 30))))
    assert first == second
    assert render_receipt(receipt(submitted_at=SUMMER)) != render_receipt(receipt())


def test_document_metadata_carries_the_submission_time_and_title() -> None:
    reader = PdfReader(io.BytesIO(render_receipt(receipt(submitted_at=SUMMER))))
    assert reader.metadata is not None
    assert reader.metadata.creation_date == SUMMER
    assert reader.metadata.title == "Ricevuta di presentazione 2026/000123"
    assert reader.metadata.author == "Comune di Bugliano"


def test_the_logo_is_drawn_on_every_page() -> None:
    content = render_receipt(
        receipt("school-canteen", data=long_canteen(), logo_png=png(90, 30, (0, 90, 160)))
    )
    reader = PdfReader(io.BytesIO(content))
    assert len(reader.pages) > 1
    for page in reader.pages:
        assert len(page.images) == 1


@pytest.mark.parametrize("colour", [None, "", "blue", "#12", "#ffee00", "#06c", "#0066CC"])
@pytest.mark.parametrize("logo", [None, b"", b"not an image", png(1, 1, (0, 0, 0))])
def test_any_colour_or_logo_gives_a_receipt(colour: str | None, logo: bytes | None) -> None:
    content = render_receipt(receipt("parking-permit", primary_colour=colour, logo_png=logo))
    assert "Permesso di sosta per residenti" in text(content)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300), st.text(max_size=60))
def test_any_text_gives_a_receipt(notes: str, tenant: str) -> None:
    data = {**stored("bulky-waste"), "notes": notes}
    content = render_receipt(receipt("bulky-waste", data=data, tenant_name=tenant))
    assert len(PdfReader(io.BytesIO(content)).pages) >= 1


# Values one by one -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("component", "value", "expected"),
    [
        ({"type": "number"}, 2, "2"),
        ({"type": "number"}, 14500.5, "14500,5"),
        ({"type": "number", "delimiter": True}, 14500.5, "14.500,5"),
        ({"type": "number", "requireDecimal": True, "decimalLimit": 2}, 3, "3,00"),
        ({"type": "currency"}, 25, "25,00 €"),
        ({"type": "currency", "currency": "USD"}, 25, "25,00 $"),
        ({"type": "datetime"}, "2026-10-25T01:30:00Z", "25/10/2026, ore 02:30"),
        ({"type": "datetime"}, "2026-10-25T03:30:00Z", "25/10/2026, ore 04:30"),
        ({"type": "datetime", "enableTime": False}, "2026-11-30T23:30:00Z", "01/12/2026"),
        ({"type": "datetime"}, "2026-05-04", "04/05/2026"),
        ({"type": "datetime"}, "yesterday", "yesterday"),
        ({"type": "time"}, "08:05:00", "08:05"),
        ({"type": "day"}, "00/05/2020", "00/05/2020"),
        ({"type": "day"}, "00/00/0000", "—"),
        ({"type": "select", "dataSrc": "url"}, {"label": "Roma", "id": 1}, "Roma"),
        ({"type": "select", "dataSrc": "url"}, "H501", "H501"),
        (
            {
                "type": "select",
                "multiple": True,
                "data": {"values": [{"label": "A", "value": "a"}]},
            },
            ["a", "b"],
            "A, b",
        ),
        ({"type": "textfield", "multiple": True}, ["uno", "due"], "uno\ndue"),
        (
            {"type": "address"},
            {"mode": "manual", "address": {"address1": "via Po 3", "city": "Ala"}},
            "via Po 3, Ala",
        ),
        (
            {"type": "address"},
            {"formatted_address": "Piazza Duomo, Milano"},
            "Piazza Duomo, Milano",
        ),
        ({"type": "signature"}, "data:image/png;base64,AAAA", "Firma apposta"),
        ({"type": "password"}, "segreto", "••••••••"),
        ({"type": "tags"}, ["rosso", "verde"], "rosso, verde"),
        (
            {"type": "file"},
            [{"originalName": "a.pdf", "name": "a-1f3.pdf", "size": 512}],
            "a.pdf (512 B)",
        ),
        ({"type": "selectboxes", "values": [{"label": "A", "value": "a"}]}, {"a": False}, "—"),
        ({"type": "checkbox"}, False, "No"),
        ({"type": "textfield"}, {"odd": [1, True]}, "odd: 1\nSì"),
        (
            {
                "type": "survey",
                "questions": [{"label": "Servizio", "value": "q"}],
                "values": [{"label": "Buono", "value": "good"}],
            },
            {"q": "good"},
            "Servizio: Buono",
        ),
    ],
)
def test_values_print_as_people_read_them(
    component: dict[str, Any], value: Any, expected: str
) -> None:
    assert format_value(component, value, "it") == expected
