"""The server's messages to people, in Italian and German beside the English of their key.

Each key of `MESSAGES` is an English template with `{name}` placeholders (`str.format`); its
entry gives the same sentence in Italian and German, with the same placeholders. Italian is
worded as an Italian municipality writes to its citizens, German with the formal "Sie".
`tests/test_wording.py` finds every template the code passes to `say` or `word` and holds this
table complete for it.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # logging in and sessions
    "Wrong username or password.": {
        "it": "Nome utente o password non corretti.",
        "de": "Benutzername oder Passwort ist falsch.",
    },
    "Too many failed attempts. Please try again in {seconds} seconds.": {
        "it": "Troppi tentativi non riusciti. Riprova tra {seconds} secondi.",
        "de": (
            "Zu viele fehlgeschlagene Versuche. Bitte versuchen Sie es in {seconds} Sekunden "
            "erneut."
        ),
    },
    "Your session has expired. Please log in again.": {
        "it": "La sessione è scaduta. Accedi di nuovo.",
        "de": "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.",
    },
    "Your account was not found. Please log in again.": {
        "it": "Il tuo account non è stato trovato. Accedi di nuovo.",
        "de": "Ihr Konto wurde nicht gefunden. Bitte melden Sie sich erneut an.",
    },
    "You are logged in with another municipality. Please log in here.": {
        "it": "Hai effettuato l'accesso presso un altro Comune. Accedi da questo sito.",
        "de": "Sie sind bei einer anderen Gemeinde angemeldet. Bitte melden Sie sich hier an.",
    },
    "Send the token as `Authorization: Bearer <token>`.": {
        "it": "Invia il token come `Authorization: Bearer <token>`.",
        "de": "Senden Sie das Token als `Authorization: Bearer <token>`.",
    },
    # permissions
    "Please log in to do this.": {
        "it": "Per continuare, accedi con le tue credenziali.",
        "de": "Bitte melden Sie sich an, um fortzufahren.",
    },
    "Only citizens can do this: please log in with your own account.": {
        "it": "Questa operazione è riservata ai cittadini: accedi con il tuo account personale.",
        "de": (
            "Dies ist Bürgerinnen und Bürgern vorbehalten: Bitte melden Sie sich mit Ihrem "
            "eigenen Konto an."
        ),
    },
    "Only the municipality's staff can do this.": {
        "it": "Questa operazione è riservata al personale del Comune.",
        "de": "Dies ist den Mitarbeitenden der Gemeinde vorbehalten.",
    },
    "Only the municipality's administrators can do this.": {
        "it": "Questa operazione è riservata agli amministratori del Comune.",
        "de": "Dies ist den Administratoren der Gemeinde vorbehalten.",
    },
    "Something went wrong on our side. Please try again later.": {
        "it": "Si è verificato un errore nel sistema. Riprova più tardi.",
        "de": "Bei uns ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut.",
    },
    # requests and their limits
    "Name the municipality: /{{tenant}}/graphql or the `X-Tenant` header.": {
        "it": "Indica il Comune: /{{tenant}}/graphql oppure l'intestazione `X-Tenant`.",
        "de": "Nennen Sie die Gemeinde: /{{tenant}}/graphql oder den Header `X-Tenant`.",
    },
    "There is no municipality “{slug}”.": {
        "it": "Non esiste un Comune «{slug}».",
        "de": "Es gibt keine Gemeinde „{slug}“.",
    },
    "This municipality does not exist.": {
        "it": "Questo Comune non esiste.",
        "de": "Diese Gemeinde gibt es nicht.",
    },
    "The request is too large: it may carry at most {megabytes} MB.": {
        "it": "La richiesta è troppo grande: può contenere al massimo {megabytes} MB.",
        "de": "Die Anfrage ist zu groß: Sie darf höchstens {megabytes} MB enthalten.",
    },
    "The file is too large: a request may upload at most {megabytes} MB.": {
        "it": (
            "Il file è troppo grande: con una richiesta si possono caricare al massimo "
            "{megabytes} MB."
        ),
        "de": (
            "Die Datei ist zu groß: Mit einer Anfrage können höchstens {megabytes} MB "
            "hochgeladen werden."
        ),
    },
    "Send uploads with the `Apollo-Require-Preflight: true` header.": {
        "it": "Invia i caricamenti con l'intestazione `Apollo-Require-Preflight: true`.",
        "de": "Senden Sie Uploads mit dem Header `Apollo-Require-Preflight: true`.",
    },
    "Send uploads with a `Content-Length` header.": {
        "it": "Invia i caricamenti con l'intestazione `Content-Length`.",
        "de": "Senden Sie Uploads mit dem Header `Content-Length`.",
    },
    "JSON may nest arrays and objects at most {depth} deep.": {
        "it": "Il JSON può annidare array e oggetti al massimo su {depth} livelli.",
        "de": "JSON darf Arrays und Objekte höchstens {depth} Ebenen tief verschachteln.",
    },
    (
        "`operations` and `map` must be JSON fields, and each path of `map` must lead to a "
        "variable of `operations`."
    ): {
        "it": (
            "`operations` e `map` devono essere campi JSON, e ogni percorso di `map` deve "
            "portare a una variabile di `operations`."
        ),
        "de": (
            "`operations` und `map` müssen JSON-Felder sein, und jeder Pfad von `map` muss zu "
            "einer Variablen von `operations` führen."
        ),
    },
    "The query does not match its persisted-query hash.": {
        "it": "La query non corrisponde al suo hash di query salvata.",
        "de": "Die Abfrage passt nicht zu ihrem Hash der gespeicherten Abfrage.",
    },
    (
        "This query would cost {requested}, over the budget of {budget}: ask for smaller pages or "
        "fewer fields at once."
    ): {
        "it": (
            "Questa query costerebbe {requested}, oltre il limite di {budget}: chiedi pagine "
            "più piccole o meno campi alla volta."
        ),
        "de": (
            "Diese Abfrage würde {requested} kosten, mehr als das Budget von {budget}: Fragen "
            "Sie kleinere Seiten oder weniger Felder auf einmal ab."
        ),
    },
    "Pass either `first` or `last`, not both.": {
        "it": "Indica `first` oppure `last`, non entrambi.",
        "de": "Geben Sie entweder `first` oder `last` an, nicht beide.",
    },
    "`{name}` must be between 0 and {max}.": {
        "it": "`{name}` deve essere compreso tra 0 e {max}.",
        "de": "`{name}` muss zwischen 0 und {max} liegen.",
    },
    "The cursor {cursor} is not valid.": {
        "it": "Il cursore {cursor} non è valido.",
        "de": "Der Cursor {cursor} ist ungültig.",
    },
    "Expected the id of a {expected}, got one of a {given}.": {
        "it": (
            "Era atteso l'identificativo di un oggetto {expected}, ricevuto quello di un "
            "oggetto {given}."
        ),
        "de": "Erwartet wurde die ID eines Objekts {expected}, erhalten die eines Objekts {given}.",
    },
    "This {type} id is malformed.": {
        "it": "L'identificativo di {type} non è valido.",
        "de": "Die ID von {type} ist fehlerhaft.",
    },
    "Pass exactly one of `id` and `slug`.": {
        "it": "Indica esattamente uno tra `id` e `slug`.",
        "de": "Geben Sie genau eines von `id` und `slug` an.",
    },
    "Pass exactly one of `calendarId` and `serviceId`.": {
        "it": "Indica esattamente uno tra `calendarId` e `serviceId`.",
        "de": "Geben Sie genau eines von `calendarId` und `serviceId` an.",
    },
    "An idempotency key has 1 to {count} characters.": {
        "it": "Una chiave di idempotenza ha da 1 a {count} caratteri.",
        "de": "Ein Idempotenzschlüssel hat 1 bis {count} Zeichen.",
    },
    "This idempotency key was already used for a different request.": {
        "it": "Questa chiave di idempotenza è già stata usata per una richiesta diversa.",
        "de": "Dieser Idempotenzschlüssel wurde bereits für eine andere Anfrage verwendet.",
    },
    # what any input may hold
    "Use at most {limit} characters.": {
        "it": "Usa al massimo {limit} caratteri.",
        "de": "Verwenden Sie höchstens {limit} Zeichen.",
    },
    "Give at most {count} items.": {
        "it": "Indica al massimo {count} elementi.",
        "de": "Geben Sie höchstens {count} Einträge an.",
    },
    "`{name}` may list at most {count} values.": {
        "it": "`{name}` può contenere al massimo {count} valori.",
        "de": "`{name}` darf höchstens {count} Werte enthalten.",
    },
    "Search with at most {count} characters.": {
        "it": "Cerca con al massimo {count} caratteri.",
        "de": "Suchen Sie mit höchstens {count} Zeichen.",
    },
    "Search with at most {count} words.": {
        "it": "Cerca con al massimo {count} parole.",
        "de": "Suchen Sie mit höchstens {count} Wörtern.",
    },
    "Give a date between {first} and {last}.": {
        "it": "Indica una data compresa tra {first} e {last}.",
        "de": "Geben Sie ein Datum zwischen {first} und {last} an.",
    },
    "Give the offset from UTC, e.g. 2027-01-11T09:30:00+01:00.": {
        "it": "Indica lo scostamento da UTC, ad esempio 2027-01-11T09:30:00+01:00.",
        "de": "Geben Sie die Abweichung von UTC an, z. B. 2027-01-11T09:30:00+01:00.",
    },
    "The end date is before the start date.": {
        "it": "La data di fine è precedente a quella di inizio.",
        "de": "Das Enddatum liegt vor dem Anfangsdatum.",
    },
    "The end is not after the start.": {
        "it": "La fine non è successiva all'inizio.",
        "de": "Das Ende liegt nicht nach dem Beginn.",
    },
    "Ask for at most {days} days from start to end.": {
        "it": "Chiedi al massimo {days} giorni dall'inizio alla fine.",
        "de": "Fragen Sie höchstens {days} Tage vom Beginn bis zum Ende ab.",
    },
    "The text may not contain NUL characters (U+0000).": {
        "it": "Il testo non può contenere caratteri NUL (U+0000).",
        "de": "Der Text darf keine NUL-Zeichen (U+0000) enthalten.",
    },
    "The text must be valid Unicode (a lone surrogate is not).": {
        "it": "Il testo deve essere Unicode valido (un surrogato isolato non lo è).",
        "de": "Der Text muss gültiges Unicode sein (ein einzelnes Surrogat ist es nicht).",
    },
    "In a key: {problem}": {
        "it": "In una chiave: {problem}",
        "de": "In einem Schlüssel: {problem}",
    },
    "This field is required.": {
        "it": "Questo campo è obbligatorio.",
        "de": "Dieses Feld ist ein Pflichtfeld.",
    },
    "It must be at least {low}.": {
        "it": "Il valore deve essere almeno {low}.",
        "de": "Der Wert muss mindestens {low} betragen.",
    },
    "It must be between {low} and {high}.": {
        "it": "Il valore deve essere compreso tra {low} e {high}.",
        "de": "Der Wert muss zwischen {low} und {high} liegen.",
    },
    "This item does not exist.": {
        "it": "Questo elemento non esiste.",
        "de": "Dieser Eintrag existiert nicht.",
    },
    "Another item of this municipality already has this slug.": {
        "it": "Un altro elemento di questo Comune ha già questo slug.",
        "de": "Ein anderer Eintrag dieser Gemeinde hat bereits diesen Slug.",
    },
    "A slug is required.": {
        "it": "Lo slug è obbligatorio.",
        "de": "Ein Slug ist erforderlich.",
    },
    "Use 1 to 100 lowercase letters, digits and single hyphens, e.g. cambio-residenza.": {
        "it": (
            "Usa da 1 a 100 lettere minuscole, cifre e trattini singoli, ad esempio "
            "cambio-residenza."
        ),
        "de": (
            "Verwenden Sie 1 bis 100 Kleinbuchstaben, Ziffern und einzelne Bindestriche, z. "
            "B. cambio-residenza."
        ),
    },
    # contacts
    "This is not a valid e-mail address, e.g. name@example.it.": {
        "it": "L'indirizzo e-mail non è valido, ad esempio nome@esempio.it.",
        "de": "Dies ist keine gültige E-Mail-Adresse, z. B. name@beispiel.it.",
    },
    "This is not a valid phone number: write it as +39 0587 000110 or 333 1234567.": {
        "it": "Il numero di telefono non è valido: scrivilo come +39 0587 000110 o 333 1234567.",
        "de": (
            "Dies ist keine gültige Telefonnummer: Schreiben Sie sie als +39 0587 000110 oder "
            "333 1234567."
        ),
    },
    "This is not a valid fiscal code: it has 16 letters and digits, the last one a check letter.": {
        "it": (
            "Il codice fiscale non è valido: è formato da 16 lettere e cifre, l'ultima delle "
            "quali è una lettera di controllo."
        ),
        "de": (
            "Dies ist keine gültige Steuernummer (Codice fiscale): Sie besteht aus 16 "
            "Buchstaben und Ziffern, die letzte ist ein Prüfbuchstabe."
        ),
    },
    "This is not a valid web address, e.g. https://www.example.it.": {
        "it": "L'indirizzo web non è valido, ad esempio https://www.esempio.it.",
        "de": "Dies ist keine gültige Webadresse, z. B. https://www.beispiel.it.",
    },
    # catalogue and forms
    "This service does not exist.": {
        "it": "Questo servizio non esiste.",
        "de": "Diesen Dienst gibt es nicht.",
    },
    "This category does not exist.": {
        "it": "Questa categoria non esiste.",
        "de": "Diese Kategorie gibt es nicht.",
    },
    "This group of services does not exist.": {
        "it": "Questo gruppo di servizi non esiste.",
        "de": "Diese Gruppe von Diensten gibt es nicht.",
    },
    "This form does not exist.": {
        "it": "Questo modulo non esiste.",
        "de": "Dieses Formular gibt es nicht.",
    },
    "The end of publication must be after its start.": {
        "it": "La fine della pubblicazione deve essere successiva all'inizio.",
        "de": "Das Ende der Veröffentlichung muss nach ihrem Beginn liegen.",
    },
    "A scheduled service needs a publication start date.": {
        "it": "Un servizio programmato richiede una data di inizio pubblicazione.",
        "de": "Ein geplanter Dienst braucht ein Startdatum der Veröffentlichung.",
    },
    "A name in the municipality's default language ({language}) is required.": {
        "it": "È obbligatorio un nome nella lingua predefinita del Comune ({language}).",
        "de": "Ein Name in der Standardsprache der Gemeinde ({language}) ist erforderlich.",
    },
    "These languages are not enabled for this municipality: {languages}.": {
        "it": "Queste lingue non sono attive per questo Comune: {languages}.",
        "de": "Diese Sprachen sind für diese Gemeinde nicht aktiviert: {languages}.",
    },
    "A category cannot be placed under itself or one of its subcategories.": {
        "it": (
            "Una categoria non può essere collocata sotto se stessa o sotto una delle sue "
            "sottocategorie."
        ),
        "de": (
            "Eine Kategorie kann nicht unter sich selbst oder einer ihrer Unterkategorien stehen."
        ),
    },
    "Give a title of 1 to {count} characters.": {
        "it": "Indica un titolo da 1 a {count} caratteri.",
        "de": "Geben Sie einen Titel mit 1 bis {count} Zeichen an.",
    },
    "The definition must be a JSON object.": {
        "it": "La definizione deve essere un oggetto JSON.",
        "de": "Die Definition muss ein JSON-Objekt sein.",
    },
    "A Form.io definition needs a `components` list.": {
        "it": "Una definizione Form.io richiede l'elenco `components`.",
        "de": "Eine Form.io-Definition braucht eine Liste `components`.",
    },
    (
        "The server does not run JavaScript: remove the custom validation, custom condition or "
        "calculated value of: {fields}."
    ): {
        "it": (
            "Il server non esegue JavaScript: rimuovi la validazione personalizzata, la "
            "condizione personalizzata o il valore calcolato di: {fields}."
        ),
        "de": (
            "Der Server führt kein JavaScript aus: Entfernen Sie die eigene Prüfung, die "
            "eigene Bedingung oder den berechneten Wert von: {fields}."
        ),
    },
    "`profile` must map data paths of the form to profile fields.": {
        "it": "`profile` deve associare percorsi dei dati del modulo a campi del profilo.",
        "de": "`profile` muss Datenpfade des Formulars Profilfeldern zuordnen.",
    },
    "`profile.{path}`: {field} is not a profile field; use one of {fields}.": {
        "it": "`profile.{path}`: {field} non è un campo del profilo; usa uno tra {fields}.",
        "de": "`profile.{path}`: {field} ist kein Profilfeld; verwenden Sie eines von {fields}.",
    },
    "`profile.{path}`: the form has no such field.": {
        "it": "`profile.{path}`: il modulo non ha questo campo.",
        "de": "`profile.{path}`: Das Formular hat kein solches Feld.",
    },
    "`i18n` must be an object with one object of texts per language.": {
        "it": "`i18n` deve essere un oggetto con un oggetto di testi per ogni lingua.",
        "de": "`i18n` muss ein Objekt mit einem Objekt von Texten je Sprache sein.",
    },
    "`i18n` may hold the languages {languages} only, not {code}.": {
        "it": "`i18n` può contenere solo le lingue {languages}, non {code}.",
        "de": "`i18n` darf nur die Sprachen {languages} enthalten, nicht {code}.",
    },
    "`i18n.{code}` must be an object of texts.": {
        "it": "`i18n.{code}` deve essere un oggetto di testi.",
        "de": "`i18n.{code}` muss ein Objekt von Texten sein.",
    },
    "`i18n.{code}` may hold at most {count} texts.": {
        "it": "`i18n.{code}` può contenere al massimo {count} testi.",
        "de": "`i18n.{code}` darf höchstens {count} Texte enthalten.",
    },
    "The translations in `i18n.{code}` must be texts.": {
        "it": "Le traduzioni in `i18n.{code}` devono essere testi.",
        "de": "Die Übersetzungen in `i18n.{code}` müssen Texte sein.",
    },
    "The texts in `i18n.{code}` may have at most {count} characters.": {
        "it": "I testi in `i18n.{code}` possono avere al massimo {count} caratteri.",
        "de": "Die Texte in `i18n.{code}` dürfen höchstens {count} Zeichen haben.",
    },
    "The texts in `i18n.{code}` may not hold scripts.": {
        "it": "I testi in `i18n.{code}` non possono contenere script.",
        "de": "Die Texte in `i18n.{code}` dürfen keine Skripte enthalten.",
    },
    # practices
    "This application does not exist.": {
        "it": "Questa pratica non esiste.",
        "de": "Diesen Antrag gibt es nicht.",
    },
    "This application no longer exists.": {
        "it": "Questa pratica non esiste più.",
        "de": "Diesen Antrag gibt es nicht mehr.",
    },
    "This service does not accept applications at the moment.": {
        "it": "Al momento questo servizio non accetta domande.",
        "de": "Für diesen Dienst können zurzeit keine Anträge gestellt werden.",
    },
    "This service cannot be applied for online.": {
        "it": "Per questo servizio non è possibile presentare domanda online.",
        "de": "Dieser Dienst kann nicht online beantragt werden.",
    },
    "The form of this service is not ready yet.": {
        "it": "Il modulo di questo servizio non è ancora pronto.",
        "de": "Das Formular dieses Dienstes ist noch nicht bereit.",
    },
    "This service requires a login with SPID or CIE.": {
        "it": "Per questo servizio è necessario accedere con SPID o CIE.",
        "de": "Für diesen Dienst ist eine Anmeldung mit SPID oder CIE erforderlich.",
    },
    "This service requires a login with SPID level 2 or CIE.": {
        "it": "Per questo servizio è necessario accedere con SPID di livello 2 o CIE.",
        "de": "Für diesen Dienst ist eine Anmeldung mit SPID der Stufe 2 oder CIE erforderlich.",
    },
    "This service requires a login with the electronic identity card (CIE).": {
        "it": (
            "Per questo servizio è necessario accedere con la Carta d'Identità Elettronica (CIE)."
        ),
        "de": (
            "Für diesen Dienst ist eine Anmeldung mit dem elektronischen Personalausweis "
            "(CIE) erforderlich."
        ),
    },
    "The form data must be a JSON object.": {
        "it": "I dati del modulo devono essere un oggetto JSON.",
        "de": "Die Formulardaten müssen ein JSON-Objekt sein.",
    },
    "The form data may be at most {bytes} bytes of JSON.": {
        "it": "I dati del modulo possono occupare al massimo {bytes} byte di JSON.",
        "de": "Die Formulardaten dürfen höchstens {bytes} Byte JSON umfassen.",
    },
    "The form this application was filled in with is missing.": {
        "it": "Il modulo con cui è stata compilata questa pratica non è più disponibile.",
        "de": "Das Formular, mit dem dieser Antrag ausgefüllt wurde, fehlt.",
    },
    "Only a draft can be saved; this application is in the state “{status}”.": {
        "it": "Si può salvare solo una bozza: questa pratica è nello stato «{status}».",
        "de": "Nur ein Entwurf kann gespeichert werden: Dieser Antrag hat den Status „{status}“.",
    },
    (
        "Only a draft can be deleted; this application is in the state “{status}”. A sent "
        "application can be withdrawn, if the service allows it."
    ): {
        "it": (
            "Si può eliminare solo una bozza: questa pratica è nello stato «{status}». Una "
            "pratica inviata si può ritirare, se il servizio lo consente."
        ),
        "de": (
            "Nur ein Entwurf kann gelöscht werden: Dieser Antrag hat den Status „{status}“. "
            "Einen gesendeten Antrag können Sie zurückziehen, wenn der Dienst es erlaubt."
        ),
    },
    "This step is not possible while the application is in the state “{status}”.": {
        "it": "Questa operazione non è possibile finché la pratica è nello stato «{status}».",
        "de": "Dieser Schritt ist nicht möglich, solange der Antrag den Status „{status}“ hat.",
    },
    "This service does not allow this step.": {
        "it": "Questo servizio non consente questa operazione.",
        "de": "Dieser Dienst erlaubt diesen Schritt nicht.",
    },
    "You may not take this step on this application.": {
        "it": "Non puoi eseguire questa operazione su questa pratica.",
        "de": "Sie dürfen diesen Schritt bei diesem Antrag nicht ausführen.",
    },
    (
        "The application changed meanwhile: it is now in the state “{status}”. Reload the page "
        "and try again."
    ): {
        "it": (
            "Nel frattempo la pratica è cambiata: ora è nello stato «{status}». Ricarica la "
            "pagina e riprova."
        ),
        "de": (
            "Der Antrag wurde inzwischen geändert: Er hat jetzt den Status „{status}“. Laden "
            "Sie die Seite neu und versuchen Sie es erneut."
        ),
    },
    "Another operator is handling this application: assign it to yourself first.": {
        "it": "Questa pratica è in carico a un altro operatore: prima assegnala a te.",
        "de": (
            "Dieser Antrag wird von einer anderen Sachbearbeiterin oder einem anderen "
            "Sachbearbeiter bearbeitet: Weisen Sie ihn zuerst sich selbst zu."
        ),
    },
    "Choose the operator to assign the application to.": {
        "it": "Scegli l'operatore a cui assegnare la pratica.",
        "de": "Wählen Sie die Person, der der Antrag zugewiesen werden soll.",
    },
    "This operator does not exist.": {
        "it": "Questo operatore non esiste.",
        "de": "Diese Sachbearbeiterin oder diesen Sachbearbeiter gibt es nicht.",
    },
    "This operator does not work on this application.": {
        "it": "Questo operatore non lavora su questa pratica.",
        "de": "Diese Person bearbeitet diesen Antrag nicht.",
    },
    "A citizen's account cannot work in an office.": {
        "it": "L'account di un cittadino non può operare in un ufficio.",
        "de": "Das Konto einer Bürgerin oder eines Bürgers kann nicht in einem Amt arbeiten.",
    },
    "There is no office with the id {id}.": {
        "it": "Non esiste un ufficio con l'identificativo {id}.",
        "de": "Es gibt kein Amt mit der ID {id}.",
    },
    "There is no service with the id {id}.": {
        "it": "Non esiste un servizio con l'identificativo {id}.",
        "de": "Es gibt keinen Dienst mit der ID {id}.",
    },
    "Give the reason.": {
        "it": "Indica la motivazione.",
        "de": "Geben Sie die Begründung an.",
    },
    "Write a message or attach a file.": {
        "it": "Scrivi un messaggio o allega un file.",
        "de": "Schreiben Sie eine Nachricht oder hängen Sie eine Datei an.",
    },
    "Send the application first: the office cannot read a draft.": {
        "it": "Prima invia la pratica: l'ufficio non può leggere una bozza.",
        "de": "Senden Sie zuerst den Antrag: Das Amt kann einen Entwurf nicht lesen.",
    },
    "Only the office handling the application can write internal notes.": {
        "it": "Solo l'ufficio che gestisce la pratica può scrivere note interne.",
        "de": "Nur das Amt, das den Antrag bearbeitet, kann interne Notizen schreiben.",
    },
    # files
    "You may not add this kind of file to this application now.": {
        "it": "Ora non puoi aggiungere questo tipo di file a questa pratica.",
        "de": "Sie können diese Art von Datei jetzt nicht zu diesem Antrag hinzufügen.",
    },
    "The form has no file field “{key}”.": {
        "it": "Il modulo non ha un campo per file «{key}».",
        "de": "Das Formular hat kein Dateifeld „{key}“.",
    },
    "The file is larger than allowed.": {
        "it": "Il file è più grande di quanto consentito.",
        "de": "Die Datei ist größer als erlaubt.",
    },
    "The file is empty.": {
        "it": "Il file è vuoto.",
        "de": "Die Datei ist leer.",
    },
    "Files of type {mime} are not accepted here.": {
        "it": "Qui non sono accettati file di tipo {mime}.",
        "de": "Dateien vom Typ {mime} werden hier nicht angenommen.",
    },
    (
        "Every file must be one you uploaded to this application for this purpose and have not "
        "sent yet."
    ): {
        "it": (
            "Ogni file deve essere stato caricato da te in questa pratica per questo scopo e "
            "non ancora inviato."
        ),
        "de": (
            "Jede Datei muss von Ihnen für diesen Zweck zu diesem Antrag hochgeladen und noch "
            "nicht gesendet worden sein."
        ),
    },
    # appointments
    "This appointment does not exist.": {
        "it": "Questo appuntamento non esiste.",
        "de": "Diesen Termin gibt es nicht.",
    },
    "This calendar does not exist.": {
        "it": "Questo calendario non esiste.",
        "de": "Diesen Kalender gibt es nicht.",
    },
    "This office does not exist.": {
        "it": "Questo ufficio non esiste.",
        "de": "Dieses Amt gibt es nicht.",
    },
    "Say who the appointment is for.": {
        "it": "Indica per chi è l'appuntamento.",
        "de": "Geben Sie an, für wen der Termin ist.",
    },
    "This person already has an appointment at this time.": {
        "it": "Questa persona ha già un appuntamento a quest'ora.",
        "de": "Diese Person hat zu dieser Zeit bereits einen Termin.",
    },
    (
        "You can hold at most {count} unconfirmed appointments on this calendar: confirm or "
        "cancel one first."
    ): {
        "it": (
            "Puoi avere al massimo {count} appuntamenti da confermare in questo calendario: "
            "prima conferma o annulla uno di questi."
        ),
        "de": (
            "Sie können in diesem Kalender höchstens {count} unbestätigte Termine haben: "
            "Bestätigen oder stornieren Sie zuerst einen davon."
        ),
    },
    "Operators book only on the calendars of their own offices.": {
        "it": "Gli operatori prenotano solo nei calendari dei propri uffici.",
        "de": "Mitarbeitende buchen nur in den Kalendern ihrer eigenen Ämter.",
    },
    "No appointment of this calendar starts at this time.": {
        "it": "In questo calendario nessun appuntamento inizia a quest'ora.",
        "de": "In diesem Kalender beginnt zu dieser Zeit kein Termin.",
    },
    "This time is too soon to be booked.": {
        "it": "Questo orario è troppo vicino per essere prenotato.",
        "de": "Diese Zeit ist zu früh, um gebucht zu werden.",
    },
    "This time is too far ahead to be booked.": {
        "it": "Questo orario è troppo lontano per essere prenotato.",
        "de": "Diese Zeit liegt zu weit in der Zukunft, um gebucht zu werden.",
    },
    "The office is closed on that day.": {
        "it": "Quel giorno l'ufficio è chiuso.",
        "de": "An diesem Tag ist das Amt geschlossen.",
    },
    "This time is fully booked.": {
        "it": "Questo orario è al completo.",
        "de": "Diese Zeit ist ausgebucht.",
    },
    "This time was just taken: please choose another one.": {
        "it": "Questo orario è appena stato prenotato da un'altra persona: scegline un altro.",
        "de": "Diese Zeit wurde gerade vergeben: Bitte wählen Sie eine andere.",
    },
    "The reservation of this time has expired: please choose a time again.": {
        "it": "Il tempo per confermare l'orario è scaduto: scegli di nuovo un orario.",
        "de": "Die Reservierung dieser Zeit ist abgelaufen: Bitte wählen Sie erneut eine Zeit.",
    },
    "Online changes are possible until the appointment starts. Please contact the office.": {
        "it": (
            "Le modifiche online sono possibili fino all'inizio dell'appuntamento. Contatta "
            "l'ufficio."
        ),
        "de": (
            "Online-Änderungen sind bis zum Beginn des Termins möglich. Bitte wenden Sie sich "
            "an das Amt."
        ),
    },
    (
        "Online changes are possible until the day before the appointment. Please contact the "
        "office."
    ): {
        "it": (
            "Le modifiche online sono possibili fino al giorno prima dell'appuntamento. "
            "Contatta l'ufficio."
        ),
        "de": (
            "Online-Änderungen sind bis zum Vortag des Termins möglich. Bitte wenden Sie sich "
            "an das Amt."
        ),
    },
    (
        "Online changes are possible until {days} days before the appointment. Please contact the "
        "office."
    ): {
        "it": (
            "Le modifiche online sono possibili fino a {days} giorni prima dell'appuntamento. "
            "Contatta l'ufficio."
        ),
        "de": (
            "Online-Änderungen sind bis {days} Tage vor dem Termin möglich. Bitte wenden Sie "
            "sich an das Amt."
        ),
    },
    "Only the staff of the calendar's office can do this.": {
        "it": "Questa operazione è riservata al personale dell'ufficio del calendario.",
        "de": "Dies ist den Mitarbeitenden des Amtes dieses Kalenders vorbehalten.",
    },
    "The appointment has not started yet.": {
        "it": "L'appuntamento non è ancora iniziato.",
        "de": "Der Termin hat noch nicht begonnen.",
    },
    "The outcome is DONE or MISSED.": {
        "it": "L'esito è DONE o MISSED.",
        "de": "Das Ergebnis ist DONE oder MISSED.",
    },
    "This appointment is not confirmed yet.": {
        "it": "Questo appuntamento non è ancora confermato.",
        "de": "Dieser Termin ist noch nicht bestätigt.",
    },
    "This appointment is awaiting the office's approval.": {
        "it": "Questo appuntamento è in attesa di approvazione da parte dell'ufficio.",
        "de": "Dieser Termin wartet auf die Genehmigung durch das Amt.",
    },
    "This appointment is already confirmed.": {
        "it": "Questo appuntamento è già confermato.",
        "de": "Dieser Termin ist bereits bestätigt.",
    },
    "The office has refused this appointment.": {
        "it": "L'ufficio ha rifiutato questo appuntamento.",
        "de": "Das Amt hat diesen Termin abgelehnt.",
    },
    "This appointment has been marked as missed.": {
        "it": "Questo appuntamento è stato segnato come non presentato.",
        "de": "Dieser Termin wurde als nicht wahrgenommen vermerkt.",
    },
    "This appointment has already taken place.": {
        "it": "Questo appuntamento si è già svolto.",
        "de": "Dieser Termin hat bereits stattgefunden.",
    },
    "This appointment has been cancelled.": {
        "it": "Questo appuntamento è stato annullato.",
        "de": "Dieser Termin wurde storniert.",
    },
    "This reservation has expired: please choose a time again.": {
        "it": "Il tempo per confermare è scaduto: scegli di nuovo un orario.",
        "de": "Diese Reservierung ist abgelaufen: Bitte wählen Sie erneut eine Zeit.",
    },
    # calendars and opening hours
    "This is not a time zone of the IANA database, e.g. Europe/Rome.": {
        "it": "Questo non è un fuso orario del database IANA, ad esempio Europe/Rome.",
        "de": "Dies ist keine Zeitzone der IANA-Datenbank, z. B. Europe/Rome.",
    },
    "A resource's calendar belongs to its resource, not to an office.": {
        "it": "Il calendario di una risorsa appartiene alla risorsa, non a un ufficio.",
        "de": "Der Kalender einer Ressource gehört zur Ressource, nicht zu einem Amt.",
    },
    "Choose one or more days of the week, 1 (Monday) to 7 (Sunday).": {
        "it": "Scegli uno o più giorni della settimana, da 1 (lunedì) a 7 (domenica).",
        "de": "Wählen Sie einen oder mehrere Wochentage, 1 (Montag) bis 7 (Sonntag).",
    },
    "Give a local time, without an offset from UTC.": {
        "it": "Indica un orario locale, senza scostamento da UTC.",
        "de": "Geben Sie eine Ortszeit ohne Abweichung von UTC an.",
    },
    "The end must be after the beginning (00:00 for midnight).": {
        "it": "La fine deve essere successiva all'inizio (00:00 per la mezzanotte).",
        "de": "Das Ende muss nach dem Beginn liegen (00:00 für Mitternacht).",
    },
    "No appointment of this length fits between the beginning and the end.": {
        "it": "Tra l'inizio e la fine non c'è posto per un appuntamento di questa durata.",
        "de": "Zwischen Beginn und Ende passt kein Termin dieser Länge.",
    },
    "The last day of validity must not be before the first.": {
        "it": "L'ultimo giorno di validità non può essere precedente al primo.",
        "de": "Der letzte Gültigkeitstag darf nicht vor dem ersten liegen.",
    },
    "The last day must not be before the first day.": {
        "it": "L'ultimo giorno non può essere precedente al primo.",
        "de": "Der letzte Tag darf nicht vor dem ersten liegen.",
    },
    "This closure does not exist.": {
        "it": "Questa chiusura non esiste.",
        "de": "Diese Schließung gibt es nicht.",
    },
    "Give at most {count} rows.": {
        "it": "Indica al massimo {count} righe.",
        "de": "Geben Sie höchstens {count} Zeilen an.",
    },
    # rooms and other resources
    "This resource does not exist.": {
        "it": "Questa risorsa non esiste.",
        "de": "Diese Ressource gibt es nicht.",
    },
    "The room holds 1 to {capacity} people.": {
        "it": "La sala accoglie da 1 a {capacity} persone.",
        "de": "Der Raum bietet Platz für 1 bis {capacity} Personen.",
    },
    "At most {capacity} people can take part: give a number from 1 to {capacity}.": {
        "it": (
            "Possono partecipare al massimo {capacity} persone: indica un numero da 1 a {capacity}."
        ),
        "de": (
            "Es können höchstens {capacity} Personen teilnehmen: Geben Sie eine Zahl von 1 "
            "bis {capacity} an."
        ),
    },
    "The resource is already booked at this time.": {
        "it": "In questo orario la risorsa è già prenotata.",
        "de": "Die Ressource ist zu dieser Zeit bereits gebucht.",
    },
    "This time was just booked by someone else.": {
        "it": "Questo orario è appena stato prenotato da un'altra persona.",
        "de": "Diese Zeit wurde gerade von jemand anderem gebucht.",
    },
    "The resource is not open for all of this time.": {
        "it": "La risorsa non è disponibile per tutto questo orario.",
        "de": "Die Ressource ist nicht während der ganzen Zeit geöffnet.",
    },
    "Start and end must fall on the booking steps of the resource.": {
        "it": "Inizio e fine devono coincidere con gli intervalli di prenotazione della risorsa.",
        "de": "Beginn und Ende müssen auf die Buchungsschritte der Ressource fallen.",
    },
    "This time is shorter than the resource's minimum booking.": {
        "it": "Questo orario è più breve della prenotazione minima della risorsa.",
        "de": "Diese Zeit ist kürzer als die Mindestbuchung der Ressource.",
    },
    "This time is longer than the resource's maximum booking.": {
        "it": "Questo orario è più lungo della prenotazione massima della risorsa.",
        "de": "Diese Zeit ist länger als die Höchstbuchung der Ressource.",
    },
    "This time starts too soon to be booked.": {
        "it": "Questo orario inizia troppo presto per essere prenotato.",
        "de": "Diese Zeit beginnt zu früh, um gebucht zu werden.",
    },
    "The resource is closed on that day.": {
        "it": "Quel giorno la risorsa è chiusa.",
        "de": "An diesem Tag ist die Ressource geschlossen.",
    },
    "The end comes before the start.": {
        "it": "La fine è precedente all'inizio.",
        "de": "Das Ende liegt vor dem Beginn.",
    },
    "Only the staff of the resource's office can do this.": {
        "it": "Questa operazione è riservata al personale dell'ufficio della risorsa.",
        "de": "Dies ist den Mitarbeitenden des Amtes der Ressource vorbehalten.",
    },
    "This booking does not exist.": {
        "it": "Questa prenotazione non esiste.",
        "de": "Diese Buchung gibt es nicht.",
    },
    "This booking is not confirmed yet.": {
        "it": "Questa prenotazione non è ancora confermata.",
        "de": "Diese Buchung ist noch nicht bestätigt.",
    },
    "This booking is awaiting the office's approval.": {
        "it": "Questa prenotazione è in attesa di approvazione da parte dell'ufficio.",
        "de": "Diese Buchung wartet auf die Genehmigung durch das Amt.",
    },
    "This booking is already confirmed.": {
        "it": "Questa prenotazione è già confermata.",
        "de": "Diese Buchung ist bereits bestätigt.",
    },
    "The office has refused this booking.": {
        "it": "L'ufficio ha rifiutato questa prenotazione.",
        "de": "Das Amt hat diese Buchung abgelehnt.",
    },
    "This booking has been marked as not used.": {
        "it": "Questa prenotazione è stata segnata come non utilizzata.",
        "de": "Diese Buchung wurde als nicht genutzt vermerkt.",
    },
    "This booking has already taken place.": {
        "it": "Questa prenotazione si è già svolta.",
        "de": "Diese Buchung hat bereits stattgefunden.",
    },
    "This booking has been cancelled.": {
        "it": "Questa prenotazione è stata annullata.",
        "de": "Diese Buchung wurde storniert.",
    },
    "This booking has expired.": {
        "it": "Questa prenotazione è scaduta.",
        "de": "Diese Buchung ist abgelaufen.",
    },
    "The maximum duration must not be shorter than the minimum duration.": {
        "it": "La durata massima non può essere inferiore alla durata minima.",
        "de": "Die Höchstdauer darf nicht kürzer als die Mindestdauer sein.",
    },
    "It must be a multiple of the booking step ({minutes} minutes).": {
        "it": (
            "Il valore deve essere un multiplo dell'intervallo di prenotazione ({minutes} minuti)."
        ),
        "de": "Der Wert muss ein Vielfaches des Buchungsschritts ({minutes} Minuten) sein.",
    },
    "Use an https address, or a path on this server starting with /.": {
        "it": "Usa un indirizzo https, oppure un percorso su questo server che inizi con /.",
        "de": (
            "Verwenden Sie eine https-Adresse oder einen Pfad auf diesem Server, der mit / beginnt."
        ),
    },
    # the municipality's settings
    "Use the origin of a website: http(s)://host or http(s)://host:port.": {
        "it": "Usa l'origine di un sito web: http(s)://host oppure http(s)://host:porta.",
        "de": "Verwenden Sie den Ursprung einer Website: http(s)://host oder http(s)://host:port.",
    },
    "An origin has no path, query or user name: did you mean {origin}?": {
        "it": "Un'origine non ha percorso, query o nome utente: intendevi {origin}?",
        "de": (
            "Ein Ursprung hat keinen Pfad, keine Abfrage und keinen Benutzernamen: Meinten "
            "Sie {origin}?"
        ),
    },
    "Give at most {count} origins.": {
        "it": "Indica al massimo {count} origini.",
        "de": "Geben Sie höchstens {count} Ursprünge an.",
    },
    "Write the colour as #rrggbb, e.g. #0066cc.": {
        "it": "Scrivi il colore come #rrggbb, ad esempio #0066cc.",
        "de": "Schreiben Sie die Farbe als #rrggbb, z. B. #0066cc.",
    },
    "Use an http(s) address, or a path on this server starting with /.": {
        "it": "Usa un indirizzo http(s), oppure un percorso su questo server che inizi con /.",
        "de": (
            "Verwenden Sie eine http(s)-Adresse oder einen Pfad auf diesem Server, der mit / "
            "beginnt."
        ),
    },
    # statuses of a practice, as the apps label them
    "Draft": {
        "it": "Bozza",
        "de": "Entwurf",
    },
    "Awaiting payment": {
        "it": "In attesa di pagamento",
        "de": "Zahlung ausstehend",
    },
    "Payment being checked": {
        "it": "Pagamento in verifica",
        "de": "Zahlung wird geprüft",
    },
    "Paid": {
        "it": "Pagata",
        "de": "Bezahlt",
    },
    "Payment failed": {
        "it": "Pagamento non riuscito",
        "de": "Zahlung fehlgeschlagen",
    },
    "Sent": {
        "it": "Inviata",
        "de": "Gesendet",
    },
    "Received": {
        "it": "Acquisita",
        "de": "Eingegangen",
    },
    "Registered": {
        "it": "Protocollata",
        "de": "Protokolliert",
    },
    "In progress": {
        "it": "In lavorazione",
        "de": "In Bearbeitung",
    },
    "More information requested": {
        "it": "Integrazione richiesta",
        "de": "Ergänzung angefordert",
    },
    "More information being prepared": {
        "it": "Integrazione in preparazione",
        "de": "Ergänzung in Vorbereitung",
    },
    "More information sent": {
        "it": "Integrazione inviata",
        "de": "Ergänzung gesendet",
    },
    "More information registered": {
        "it": "Integrazione protocollata",
        "de": "Ergänzung protokolliert",
    },
    "In progress after your additions": {
        "it": "In lavorazione dopo l'integrazione",
        "de": "In Bearbeitung nach Ihrer Ergänzung",
    },
    "Accepted, outcome being registered": {
        "it": "Accolta, esito in protocollazione",
        "de": "Angenommen, Ergebnis wird protokolliert",
    },
    "Accepted": {
        "it": "Accolta",
        "de": "Angenommen",
    },
    "Rejected, outcome being registered": {
        "it": "Respinta, esito in protocollazione",
        "de": "Abgelehnt, Ergebnis wird protokolliert",
    },
    "Rejected": {
        "it": "Respinta",
        "de": "Abgelehnt",
    },
    "Withdrawn": {
        "it": "Ritirata",
        "de": "Zurückgezogen",
    },
    "Revoked": {
        "it": "Revocata",
        "de": "Widerrufen",
    },
    # the municipality's site and the ratings of its pages
    "Use the address of a web page, e.g. https://www.comune.example.it/privacy.": {
        "it": "Usa l'indirizzo di una pagina web, ad esempio https://www.comune.example.it/privacy.",
        "de": "Verwenden Sie die Adresse einer Webseite, z. B. https://www.comune.example.it/privacy.",
    },
    "A VAT number (partita IVA) has 11 digits, the last one a check digit.": {
        "it": "La partita IVA ha 11 cifre, l'ultima delle quali è di controllo.",
        "de": "Die Partita IVA (USt-IdNr.) hat 11 Ziffern, die letzte ist eine Prüfziffer.",
    },
    "Give the path of a page of the citizen area, e.g. /servizi/tari.": {
        "it": "Indica il percorso di una pagina dell'area dei cittadini, ad esempio /servizi/tari.",
        "de": "Geben Sie den Pfad einer Seite des Bürgerbereichs an, z. B. /servizi/tari.",
    },
    "Give from {least} to {most} stars.": {
        "it": "Assegna da {least} a {most} stelle.",
        "de": "Vergeben Sie {least} bis {most} Sterne.",
    },
    "{answer} is an answer for 4 or 5 stars.": {
        "it": "{answer} è una risposta per 4 o 5 stelle.",
        "de": "{answer} ist eine Antwort für 4 oder 5 Sterne.",
    },
    "{answer} is an answer for 1 to 3 stars.": {
        "it": "{answer} è una risposta per valutazioni da 1 a 3 stelle.",
        "de": "{answer} ist eine Antwort für 1 bis 3 Sterne.",
    },
    "Too many ratings from this connection: please try again in {seconds} seconds.": {
        "it": "Troppe valutazioni da questa connessione: riprova tra {seconds} secondi.",
        "de": (
            "Zu viele Bewertungen von dieser Verbindung: Bitte versuchen Sie es in {seconds} "
            "Sekunden erneut."
        ),
    },
}


def word(template: str, language: str, /, **params: object) -> str:
    """The message of `template` in `language` with its placeholders filled in: English (the
    template itself) for English, and for a template without translations."""
    text = MESSAGES.get(template, {}).get(language, template)
    return text.format(**params)
