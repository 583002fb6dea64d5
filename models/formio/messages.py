"""Problem messages of the Form.io validator in Italian, English and German."""

from __future__ import annotations

LANGUAGES = ("it", "en", "de")

MESSAGES: dict[str, dict[str, str]] = {
    "REQUIRED": {
        "it": "«{label}» è obbligatorio.",
        "en": "“{label}” is required.",
        "de": "„{label}“ ist ein Pflichtfeld.",
    },
    "MIN_LENGTH": {
        "it": "«{label}» deve contenere almeno {limit} caratteri.",
        "en": "“{label}” must be at least {limit} characters long.",
        "de": "„{label}“ muss mindestens {limit} Zeichen lang sein.",
    },
    "MAX_LENGTH": {
        "it": "«{label}» può contenere al massimo {limit} caratteri.",
        "en": "“{label}” must be at most {limit} characters long.",
        "de": "„{label}“ darf höchstens {limit} Zeichen lang sein.",
    },
    "MIN_ROWS": {
        "it": "«{label}» deve avere almeno {limit} righe.",
        "en": "“{label}” needs at least {limit} rows.",
        "de": "„{label}“ braucht mindestens {limit} Zeilen.",
    },
    "MAX_ROWS": {
        "it": "«{label}» può avere al massimo {limit} righe.",
        "en": "“{label}” allows at most {limit} rows.",
        "de": "„{label}“ erlaubt höchstens {limit} Zeilen.",
    },
    "MAX_FILES": {
        "it": "«{label}» accetta al massimo {limit} file.",
        "en": "“{label}” accepts at most {limit} files.",
        "de": "„{label}“ akzeptiert höchstens {limit} Dateien.",
    },
    "FILE_TOO_LARGE": {
        "it": "Il file «{name}» supera la dimensione massima di {limit}.",
        "en": "The file “{name}” is larger than {limit}.",
        "de": "Die Datei „{name}“ ist größer als {limit}.",
    },
    "FILE_TOO_SMALL": {
        "it": "Il file «{name}» è più piccolo di {limit}.",
        "en": "The file “{name}” is smaller than {limit}.",
        "de": "Die Datei „{name}“ ist kleiner als {limit}.",
    },
    "FILE_TYPE": {
        "it": "Il file «{name}» non è di un tipo ammesso ({limit}).",
        "en": "The file “{name}” is not of an allowed type ({limit}).",
        "de": "Die Datei „{name}“ hat keinen zulässigen Typ ({limit}).",
    },
    "UNKNOWN_FILE": {
        "it": "Il file «{name}» non è stato trovato tra i tuoi caricamenti.",
        "en": "The file “{name}” is not among your uploads.",
        "de": "Die Datei „{name}“ ist nicht unter Ihren Uploads.",
    },
    "PATTERN": {
        "it": "«{label}» non ha il formato richiesto.",
        "en": "“{label}” does not have the required format.",
        "de": "„{label}“ hat nicht das verlangte Format.",
    },
    "MIN": {
        "it": "«{label}» deve essere almeno {limit}.",
        "en": "“{label}” must be at least {limit}.",
        "de": "„{label}“ muss mindestens {limit} sein.",
    },
    "MAX": {
        "it": "«{label}» può essere al massimo {limit}.",
        "en": "“{label}” must be at most {limit}.",
        "de": "„{label}“ darf höchstens {limit} sein.",
    },
    "MIN_WORDS": {
        "it": "«{label}» deve contenere almeno {limit} parole.",
        "en": "“{label}” needs at least {limit} words.",
        "de": "„{label}“ braucht mindestens {limit} Wörter.",
    },
    "MAX_WORDS": {
        "it": "«{label}» può contenere al massimo {limit} parole.",
        "en": "“{label}” allows at most {limit} words.",
        "de": "„{label}“ erlaubt höchstens {limit} Wörter.",
    },
    "MIN_SELECTED": {
        "it": "Seleziona almeno {limit} opzioni in «{label}».",
        "en": "Select at least {limit} options in “{label}”.",
        "de": "Wählen Sie mindestens {limit} Optionen in „{label}“.",
    },
    "MAX_SELECTED": {
        "it": "Seleziona al massimo {limit} opzioni in «{label}».",
        "en": "Select at most {limit} options in “{label}”.",
        "de": "Wählen Sie höchstens {limit} Optionen in „{label}“.",
    },
    "NOT_AN_OPTION": {
        "it": "«{value}» non è una scelta valida per «{label}».",
        "en": "“{value}” is not a valid choice for “{label}”.",
        "de": "„{value}“ ist keine gültige Auswahl für „{label}“.",
    },
    "INVALID_EMAIL": {
        "it": "«{label}» non è un indirizzo email valido.",
        "en": "“{label}” is not a valid email address.",
        "de": "„{label}“ ist keine gültige E-Mail-Adresse.",
    },
    "INVALID_NUMBER": {
        "it": "«{label}» deve essere un numero.",
        "en": "“{label}” must be a number.",
        "de": "„{label}“ muss eine Zahl sein.",
    },
    "INVALID_DATE": {
        "it": "«{label}» non è una data o un orario valido.",
        "en": "“{label}” is not a valid date or time.",
        "de": "„{label}“ ist kein gültiges Datum bzw. keine gültige Uhrzeit.",
    },
    "INVALID_FISCAL_CODE": {
        "it": "«{label}» non è un codice fiscale valido.",
        "en": "“{label}” is not a valid Italian fiscal code.",
        "de": "„{label}“ ist keine gültige italienische Steuernummer.",
    },
    "NOT_UNIQUE": {
        "it": "«{label}» è già stato indicato in un'altra riga.",
        "en": "“{label}” already appears in another row.",
        "de": "„{label}“ kommt bereits in einer anderen Zeile vor.",
    },
    "UNKNOWN_FIELD": {
        "it": "Il campo «{label}» non fa parte del modulo.",
        "en": "The field “{label}” is not part of the form.",
        "de": "Das Feld „{label}“ gehört nicht zum Formular.",
    },
    "INVALID_TYPE": {
        "it": "«{label}» ha un valore di tipo non ammesso.",
        "en": "“{label}” has a value of the wrong type.",
        "de": "„{label}“ hat einen Wert vom falschen Typ.",
    },
}


def pick_language(language: str) -> str:
    """`de-CH` -> `de`; anything unsupported falls back to Italian."""
    short = language.strip().lower().replace("_", "-").split("-")[0]
    return short if short in LANGUAGES else "it"


def render(message_id: str, language: str, **params: object) -> str:
    """The message `message_id` in `language`, with `params` filled in."""
    table = MESSAGES[message_id]
    return table[pick_language(language)].format(**params)


SIZE_UNITS = ("byte", "kB", "MB", "GB", "TB")


def format_size(size: int, language: str) -> str:
    """`5242880` -> `5 MB`, `1572864` -> `1,5 MB` in Italian and German (binary steps, as the
    renderer counts, at most one decimal)."""
    amount, unit = float(size), 0
    while amount >= 1024 and unit < len(SIZE_UNITS) - 1:
        amount, unit = amount / 1024, unit + 1
    number = f"{amount:.1f}".removesuffix(".0")
    if pick_language(language) != "en":
        number = number.replace(".", ",")
    name = SIZE_UNITS[unit]
    if unit == 0:
        byte = {"en": "bytes" if size != 1 else "byte", "de": "Byte"}
        name = byte.get(pick_language(language), name)
    return f"{number} {name}"
